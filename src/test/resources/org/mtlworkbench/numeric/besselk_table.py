# Generates besselk-mpmath.csv: reference values for BesselKTest, computed with mpmath at 50 digits.
# Columns: nu, x, logK = log K_nu(x), up = K_{nu+1}/K_nu, down = K_{nu-1}/K_nu, dlog = d/dnu log K_nu(x).
# Run: python3 besselk_table.py > besselk-mpmath.csv   (mpmath 1.3.0 was used)
import mpmath as mp
mp.mp.dps = 50
nus = ['-20', '-13.7', '-7.3', '-2.5', '-1', '-0.5', '-0.2', '0', '0.3', '0.5', '1', '2.7', '10', '20', '57.5', '150.25']
xs = ['1e-6', '1e-3', '0.1', '1', '1.9', '2.1', '10', '100', '1000']
print('nu,x,logK,up,down,dlog')
for n in nus:
    for s in xs:
        nu = mp.mpf(n); x = mp.mpf(s)
        k = mp.besselk(nu, x)
        up = mp.besselk(nu + 1, x) / k
        down = mp.besselk(nu - 1, x) / k
        d = mp.diff(lambda v: mp.log(mp.besselk(v, x)), nu)
        print(','.join([n, s] + [mp.nstr(v, 20) for v in (mp.log(k), up, down, d)]))
