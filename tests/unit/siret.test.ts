import { isSiret } from '../../src/shared/siret';

describe('isSiret', () => {
  it.each(['99900012300003', '35600000000001', '88800045600002'])('accepts %s', (siret) => expect(isSiret(siret)).toBe(true));
  it.each(['99900012300004', '1234567890123', '7328293200007A', '', '356000000000 4'])('refuses %p', (siret) => expect(isSiret(siret)).toBe(false));
});
