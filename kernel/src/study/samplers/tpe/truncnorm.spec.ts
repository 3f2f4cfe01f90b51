import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { erf, erfc, logGaussMass, logNdtr, truncnormLogPdf, truncnormPpf } from './truncnorm';

// Expected values from Python 3.11 math.erf/erfc and optuna 5.0.0's samplers/_tpe/_truncnorm.py.
function close(actual: number, expected: number, rel = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1e-300, Math.abs(expected)), `${actual} != ${expected}`);
}

describe('truncnorm', () => {
  it('erf and erfc match Python to 1e-12', () => {
    [-3.0, -0.5, 0.1, 1.0, 2.4, 2.6, 4.0].forEach((x, i) =>
      close(erf(x), [-0.9999779095030014, -0.5204998778130465, 0.1124629160182849, 0.8427007929497149, 0.999311486103355, 0.9997639655834707, 0.9999999845827421][i], 1e-13),
    );
    [-1.0, 0.3, 2.6, 5.0, 10.0].forEach((x, i) => close(erfc(x), [1.842700792949715, 0.6713732405408726, 0.00023603441652934908, 1.5374597944280351e-12, 2.088487583762545e-45][i], 1e-11));
  });

  it('logNdtr is accurate in both tails', () => {
    [-40.0, -10.0, 0.0, 3.0, 8.0].forEach((x, i) => close(logNdtr(x), [-804.6084420137538, -53.23128515051246, -0.6931471805599453, -0.0013508099647482027, -6.220960574271819e-16][i], 1e-11));
  });

  it('logGaussMass, ppf and logpdf match Optuna', () => {
    const a = [-1.0, 0.5, -30.0, -2.0];
    const b = [1.0, 2.0, -29.0, -1.5];
    a.forEach((ai, i) => close(logGaussMass(ai, b[i]), [-0.38171514630212616, -1.2525070775159308, -424.7874199097303, -3.1222694554652586][i], 1e-11));
    const q = [0.1, 0.5, 0.9, 0.3];
    const pa = [-1.0, 0.5, -3.0, -25.0];
    const pb = [1.0, 3.0, 0.2, -24.0];
    q.forEach((qi, i) => close(truncnormPpf(qi, pa[i], pb[i]), [-0.7490145989695702, 1.0154582534059828, 0.053840121653573075, -24.050026930202176][i], 1e-8));
    close(truncnormLogPdf(0.3, -1, 1, 0.1, 2), -1.2353705674624917);
    close(truncnormLogPdf(1.0, 0.5, 3, 0.2, 0.5), -0.32549484201205037);
    assert.equal(truncnormLogPdf(5, -1, 1, 0, 1), -Infinity);
    assert.equal(truncnormPpf(0, -1, 2), -1);
    assert.equal(truncnormPpf(1, -1, 2), 2);
  });
});
