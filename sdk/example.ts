/**
 * A partner system's first steps with the SDK:
 *   PASSERELLE_URL=http://localhost:4000 CLIENT_ID=… CLIENT_SECRET=… npx ts-node --transpile-only sdk/example.ts
 */
import { MyCaseloadDocument, PasserelleClient } from './src';

async function main(): Promise<void> {
  const client = new PasserelleClient({
    url: process.env.PASSERELLE_URL ?? 'http://localhost:4000',
    clientId: process.env.CLIENT_ID ?? '',
    clientSecret: process.env.CLIENT_SECRET ?? '',
  });
  const { myCaseload } = await client.request(MyCaseloadDocument, { first: 20 });
  console.log(`${myCaseload.totalCount} persons in the caseload`);
  for (const { node } of myCaseload.edges) console.log(node.person.pseudonym, node.mandate, node.expectedReleaseDate ?? '');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
