import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context/request-context';
import { followUpService } from './follow-up.service';
import { assertAllowed } from '../policy/authz';
import { type Figure, FigureDisclosure, figureFor, shownCount } from '../policy/directory-figures';
import { Permission } from '../policy/permissions';
import type { Service } from '../structures/service.entity';
import type { Structure } from '../structures/structure.entity';
import { structureService } from '../structures/structure.service';
import { DirectoryFigure, WithheldFigureView } from '../structures/structure.type';
import { Convention } from './convention.entity';
import { conventionLoaders } from './convention.loaders';
import { ConventionView } from './convention.type';

/** Conventions: under which a structure receives referrals from a partner, with a yearly quota, and their use. */
export class ConventionService {
  /** The conventions under which a structure receives referrals (batched). */
  async conventionsOf(ctx: RequestContext, structureId: string): Promise<ConventionView[]> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const conventions = await conventionLoaders(ctx).conventionsByStructure.load(structureId);
    return conventions.map(ConventionView.from);
  }

  async conventionOf(ctx: RequestContext, conventionId: string | null): Promise<ConventionView | null> {
    if (!conventionId) return null;
    const convention = await conventionLoaders(ctx).conventionById.load(conventionId);
    return convention ? ConventionView.from(convention) : null;
  }

  /**
   * Referrals received this year under a convention, cancelled ones aside, with what the
   * figure rule lets the viewer know: the figure is about the receiver and the partner.
   */
  async conventionUseFigure(ctx: RequestContext, convention: ConventionView): Promise<Figure> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const [subject, count] = await Promise.all([
      structureService.figureSubject(ctx, convention.structureId, [convention.partnerId]),
      conventionLoaders(ctx).conventionUseThisYear.load(convention.id),
    ]);
    return figureFor(ctx.viewer, subject, count);
  }

  /** Referrals received this year under a convention, exact only where the figure rule allows. */
  async conventionUse(ctx: RequestContext, convention: ConventionView): Promise<number | null> {
    return shownCount(await this.conventionUseFigure(ctx, convention));
  }

  /** The figures of a convention the viewer may not know, and why (the figure rule). */
  async conventionWithheldFigures(ctx: RequestContext, convention: ConventionView): Promise<WithheldFigureView[]> {
    const [used, activeFiles] = await Promise.all([
      this.conventionUseFigure(ctx, convention),
      followUpService.activeFilesFigure(ctx, convention),
    ]);
    const unlessExact = (figure: Figure) => (figure.decision.disclosure === FigureDisclosure.EXACT ? null : figure.decision.reason);
    return WithheldFigureView.listOf([
      [DirectoryFigure.REFERRALS_THIS_YEAR, unlessExact(used)],
      [DirectoryFigure.ACTIVE_FILES, unlessExact(activeFiles)],
    ]);
  }

  /** The convention in force between the receiver (or its service) and the sender, if any. */
  async conventionFor(
    em: EntityManager,
    referral: { toStructure: Structure; fromStructure: Structure; service: Service | null },
  ): Promise<Convention | null> {
    const day = new Date().toISOString().slice(0, 10);
    const candidates = await em.find(
      Convention,
      {
        structure: referral.toStructure,
        partner: referral.fromStructure,
        validFrom: { $lte: day },
        $or: [{ validTo: null }, { validTo: { $gte: day } }],
      },
      { orderBy: { validFrom: 'desc' } },
    );
    return (
      candidates.find((c) => referral.service && c.service?.id === referral.service.id) ??
      candidates.find((c) => c.service === null) ??
      (referral.service ? null : (candidates[0] ?? null))
    );
  }
}

export const conventionService = new ConventionService();
