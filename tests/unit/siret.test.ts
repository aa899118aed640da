import { isSiret } from '../../src/shared/siret';

describe('isSiret', () => {
  it.each(['73282932000074', '35600000000001', '44306184100047'])('accepts %s', (siret) => expect(isSiret(siret)).toBe(true));
  it.each(['73282932000075', '1234567890123', '7328293200007A', '', '356000000000 4'])('refuses %p', (siret) => expect(isSiret(siret)).toBe(false));
});
