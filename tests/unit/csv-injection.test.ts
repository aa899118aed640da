import { neutralised } from '../../src/outcomes/outcome.export';

describe('CSV cells a spreadsheet would run as formulas', () => {
  it.each(['=SUM(A1:A9)', '+33 6 00', '-2+3', '@cmd', '\t=1', '\r=1'])('starts %j with an apostrophe', (cell) => {
    expect(neutralised(cell)).toBe(`'${cell}`);
  });

  it.each(['38', 'Action «Sortir»', '2026-01-01', 'S', ''])('keeps %j as it is', (cell) => {
    expect(neutralised(cell)).toBe(cell);
  });
});
