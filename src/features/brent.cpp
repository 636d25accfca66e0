#include "loom/features/detail/brent.hpp"

#include <cmath>
#include <utility>
#include <vector>

#include "loom/core/error.hpp"

namespace loom::features::detail {

double pairwise_sum(std::span<const double> values) {
  const std::size_t n = values.size();
  if (n < 8) {
    double result = 0.0;
    for (double value : values)
      result += value;
    return result;
  }
  if (n <= 128) {
    double r[8];
    for (std::size_t j = 0; j < 8; ++j)
      r[j] = values[j];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (std::size_t j = 0; j < 8; ++j)
        r[j] += values[i + j];
    }
    double result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i)
      result += values[i];
    return result;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return pairwise_sum(values.subspan(0, half)) + pairwise_sum(values.subspan(half));
}

double numpy_var(std::span<const double> values) {
  const auto n = static_cast<double>(values.size());
  const double mean = pairwise_sum(values) / n;
  std::vector<double> squares(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double deviation = values[i] - mean;
    squares[i] = deviation * deviation;
  }
  return pairwise_sum(squares) / n;
}

namespace {

struct Bracket {
  double xa, xb, xc, fa, fb, fc;
};

// scipy.optimize.bracket(func, xa, xb), grow_limit 110, maxiter 1000.
Bracket bracket(const std::function<double(double)>& func, double xa, double xb) {
  constexpr double gold = 1.618034;
  constexpr double very_small = 1e-21;
  constexpr double grow_limit = 110.0;
  double fa = func(xa), fb = func(xb);
  if (fa < fb) {
    std::swap(xa, xb);
    std::swap(fa, fb);
  }
  double xc = xb + gold * (xb - xa);
  double fc = func(xc);
  int iteration = 0;
  while (fc < fb) {
    const double tmp1 = (xb - xa) * (fb - fc);
    const double tmp2 = (xb - xc) * (fb - fa);
    const double val = tmp2 - tmp1;
    const double denom = std::abs(val) < very_small ? 2.0 * very_small : 2.0 * val;
    double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const double wlim = xb + grow_limit * (xc - xb);
    if (iteration > 1000) throw DataError("PowerTransformer: bracket search did not converge");
    ++iteration;
    double fw = 0.0;
    if ((w - xc) * (xb - w) > 0.0) {
      fw = func(w);
      if (fw < fc) {
        return {xb, w, xc, fb, fw, fc};
      } else if (fw > fb) {
        return {xa, xb, w, fa, fb, fw};
      }
      w = xc + gold * (xc - xb);
      fw = func(w);
    } else if ((w - wlim) * (wlim - xc) >= 0.0) {
      w = wlim;
      fw = func(w);
    } else if ((w - wlim) * (xc - w) > 0.0) {
      fw = func(w);
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + gold * (xc - xb);
        fb = fc;
        fc = fw;
        fw = func(w);
      }
    } else {
      w = xc + gold * (xc - xb);
      fw = func(w);
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }
  return {xa, xb, xc, fa, fb, fc};
}

}  // namespace

double brent_minimize(const std::function<double(double)>& func, double xa_start, double xb_start) {
  const Bracket found = bracket(func, xa_start, xb_start);
  constexpr double tol = 1.48e-8, mintol = 1.0e-11, cg = 0.3819660;
  constexpr int max_iter = 500;
  double x = found.xb, w = found.xb, v = found.xb;
  double fw = found.fb, fv = found.fb, fx = found.fb;
  double a = found.xa < found.xc ? found.xa : found.xc;
  double b = found.xa < found.xc ? found.xc : found.xa;
  double deltax = 0.0, rat = 0.0;
  for (int iteration = 0; iteration < max_iter; ++iteration) {
    const double tol1 = tol * std::abs(x) + mintol;
    const double tol2 = 2.0 * tol1;
    const double xmid = 0.5 * (a + b);
    if (std::abs(x - xmid) < (tol2 - 0.5 * (b - a))) break;
    if (std::abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = cg * deltax;
    } else {
      double tmp1 = (x - w) * (fx - fv);
      double tmp2 = (x - v) * (fx - fw);
      double p = (x - v) * tmp2 - (x - w) * tmp1;
      tmp2 = 2.0 * (tmp2 - tmp1);
      if (tmp2 > 0.0) p = -p;
      tmp2 = std::abs(tmp2);
      const double dx_temp = deltax;
      deltax = rat;
      if ((p > tmp2 * (a - x)) && (p < tmp2 * (b - x)) &&
          (std::abs(p) < std::abs(0.5 * tmp2 * dx_temp))) {
        rat = p * 1.0 / tmp2;
        const double u = x + rat;
        if ((u - a) < tol2 || (b - u) < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = cg * deltax;
      }
    }
    const double u = std::abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const double fu = func(u);
    if (fu > fx) {
      if (u < x) {
        a = u;
      } else {
        b = u;
      }
      if (fu <= fw || w == x) {
        v = w;
        w = u;
        fv = fw;
        fw = fu;
      } else if (fu <= fv || v == x || v == w) {
        v = u;
        fv = fu;
      }
    } else {
      if (u >= x) {
        a = x;
      } else {
        b = x;
      }
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    }
  }
  return x;
}

}  // namespace loom::features::detail
