/**
 * The person data a request has read, collected while fields resolve and written
 * to the audit log once, in one statement, before the response leaves. Domains are
 * the policy's data domains, kept here by name.
 */
export class ReadAudit {
  private readonly reads = new Map<string, Set<string>>();

  record(personId: string, domain: string): void {
    if (!this.reads.has(personId)) this.reads.set(personId, new Set());
    this.reads.get(personId)!.add(domain);
  }

  /** An access to the person's record that reads no domain: the person listed, a referral, its access log. */
  touch(personId: string): void {
    if (!this.reads.has(personId)) this.reads.set(personId, new Set());
  }

  /** One entry per person read, with the domains read. */
  entries(): { personId: string; domains: string[] }[] {
    const entries: { personId: string; domains: string[] }[] = [];
    for (const [personId, domains] of this.reads) entries.push({ personId, domains: domains.size > 1 ? [...domains].sort() : [...domains] });
    return entries;
  }
}
