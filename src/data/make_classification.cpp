#include "loom/data/make_classification.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <random>
#include <string>

#include "loom/core/error.hpp"

namespace loom::data {

const ParamTable<MakeClassificationParams>& MakeClassificationParams::table() {
  using P = MakeClassificationParams;
  static const ParamTable<P> table{
      param("n_samples", &P::n_samples, at_least<std::size_t>(1)),
      param("n_numeric", &P::n_numeric),
      param("n_informative", &P::n_informative),
      param("n_categorical", &P::n_categorical),
      param("n_categories", &P::n_categories, at_least<std::size_t>(1)),
      param("n_classes", &P::n_classes, at_least<std::size_t>(2)),
      param("weights", &P::weights),
      param<P, double>("missing_rate", &P::missing_rate,
                       [](const double& value) {
                         return (value >= 0.0 && value < 1.0) ? std::string()
                                                              : std::string("must be in [0, 1)");
                       }),
      param("class_separation", &P::class_separation, at_least(0.0)),
      param("seed", &P::seed),
  };
  return table;
}

namespace {

constexpr std::string_view kCaller = "make_classification";
// How often c0 takes its class's own category instead of a background draw.
constexpr double kCategoricalSignal = 0.5;

// Uniform and normal draws computed here from the raw 64-bit stream: the std distributions
// are implemented differently by each standard library, so they would break determinism.
class Random {
 public:
  // Independent streams per purpose, so that changing missing_rate (say) leaves the values.
  Random(std::uint64_t seed, std::uint64_t stream) : engine_(mix(seed, stream)) {}

  // In [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // In [0, n).
  std::size_t below(std::size_t n) {
    return std::min(n - 1, static_cast<std::size_t>(uniform() * static_cast<double>(n)));
  }
  // Standard normal, Box-Muller (one value per pair of uniforms, kept simple on purpose).
  double normal() {
    const double radius = std::sqrt(-2.0 * std::log(1.0 - uniform()));
    return radius * std::cos(2.0 * std::numbers::pi * uniform());
  }
  template <class T>
  void shuffle(std::vector<T>& values) {
    for (std::size_t i = values.size(); i > 1; --i)
      std::swap(values[i - 1], values[below(i)]);
  }

 private:
  // SplitMix64 finaliser: nearby seeds and streams give unrelated engine states.
  static std::uint64_t mix(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  std::mt19937_64 engine_;
};

enum Stream : std::uint64_t { kLabels, kCentres, kScales, kNumeric, kCategorical, kMissing };

// "a" .. "z", "aa", "ab", ... as spreadsheet columns are named.
std::string category_name(std::size_t index) {
  std::string name;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('a' + (n - 1) % 26));
  return name;
}

void check_params(const MakeClassificationParams& params) {
  validate_params(kCaller, params);
  if (params.n_informative > params.n_numeric) {
    throw ParameterError(fmt::format("{}: parameter n_informative = {} must be <= n_numeric ({})",
                                     kCaller, params.n_informative, params.n_numeric));
  }
  // Distinct hypercube vertices for the class centres, as scikit-learn requires.
  if (params.n_informative > 0 && params.n_informative < 63 &&
      params.n_classes > (std::size_t{1} << params.n_informative)) {
    throw ParameterError(fmt::format(
        "{}: parameter n_classes = {} must be <= 2^n_informative ({}) so that each class has its "
        "own centre",
        kCaller, params.n_classes, std::size_t{1} << params.n_informative));
  }
  const auto& weights = params.weights;
  if (weights.empty()) return;
  const std::string shown = Json(weights).dump();
  if (weights.size() != params.n_classes && weights.size() + 1 != params.n_classes) {
    throw ParameterError(fmt::format(
        "{}: parameter weights = {} must hold n_classes ({}) or n_classes - 1 proportions", kCaller,
        shown, params.n_classes));
  }
  double sum = 0.0;
  for (double weight : weights) {
    if (!std::isfinite(weight) || weight < 0.0) {
      throw ParameterError(
          fmt::format("{}: parameter weights = {} must hold proportions >= 0", kCaller, shown));
    }
    sum += weight;
  }
  if (weights.size() + 1 == params.n_classes && sum > 1.0 + 1e-9) {
    throw ParameterError(
        fmt::format("{}: parameter weights = {} sums to {} > 1, leaving nothing for the last class",
                    kCaller, shown, sum));
  }
  if (weights.size() == params.n_classes && !(sum > 0.0)) {
    throw ParameterError(
        fmt::format("{}: parameter weights = {} must have a positive sum", kCaller, shown));
  }
}

// Rows per class: n * proportion rounded down, the remainder one row each to the first classes.
std::vector<std::size_t> class_sizes(const MakeClassificationParams& params) {
  std::vector<double> proportions = params.weights;
  if (proportions.empty()) proportions.assign(params.n_classes, 1.0);
  if (proportions.size() + 1 == params.n_classes) {
    const double used = std::accumulate(proportions.begin(), proportions.end(), 0.0);
    proportions.push_back(std::max(0.0, 1.0 - used));
  }
  const double total = std::accumulate(proportions.begin(), proportions.end(), 0.0);
  std::vector<std::size_t> sizes;
  std::size_t assigned = 0;
  for (double proportion : proportions) {
    sizes.push_back(static_cast<std::size_t>(
        std::floor(static_cast<double>(params.n_samples) * proportion / total)));
    assigned += sizes.back();
  }
  for (std::size_t k = 0; assigned < params.n_samples; k = (k + 1) % sizes.size()) {
    ++sizes[k];
    ++assigned;
  }
  return sizes;
}

// One distinct hypercube vertex (+1 / -1 per informative feature) per class.
std::vector<std::vector<double>> class_centres(const MakeClassificationParams& params,
                                               Random& random) {
  const std::size_t dimension = params.n_informative;
  std::vector<std::vector<double>> centres;
  while (centres.size() < params.n_classes) {
    std::vector<double> vertex(dimension);
    for (auto& coordinate : vertex)
      coordinate = random.uniform() < 0.5 ? -1.0 : 1.0;
    if (dimension > 0 && std::find(centres.begin(), centres.end(), vertex) != centres.end()) {
      continue;
    }
    centres.push_back(std::move(vertex));
  }
  return centres;
}

}  // namespace

Dataset make_classification(const MakeClassificationParams& params) {
  check_params(params);
  const std::size_t n = params.n_samples;

  Random label_random(params.seed, kLabels);
  std::vector<int> labels;
  labels.reserve(n);
  const auto sizes = class_sizes(params);
  for (std::size_t k = 0; k < sizes.size(); ++k)
    labels.insert(labels.end(), sizes[k], static_cast<int>(k));
  label_random.shuffle(labels);

  Random centre_random(params.seed, kCentres);
  const auto centres = class_centres(params, centre_random);
  Random scale_random(params.seed, kScales);
  Random numeric_random(params.seed, kNumeric);
  Random categorical_random(params.seed, kCategorical);
  Random missing_random(params.seed, kMissing);
  const double nan = std::numeric_limits<double>::quiet_NaN();

  std::vector<Column> columns;
  for (std::size_t j = 0; j < params.n_numeric; ++j) {
    // Real features come in their own units: scales from about 0.4 to 20, offsets around 0.
    const double scale = std::exp(-1.0 + 4.0 * scale_random.uniform());
    const double offset = 10.0 * scale_random.normal();
    const bool informative = j < params.n_informative;
    std::vector<double> values(n);
    for (std::size_t row = 0; row < n; ++row) {
      const double centre =
          informative ? params.class_separation * centres[static_cast<std::size_t>(labels[row])][j]
                      : 0.0;
      values[row] = (centre + numeric_random.normal()) * scale + offset;
    }
    for (auto& value : values) {
      if (missing_random.uniform() < params.missing_rate) value = nan;
    }
    columns.push_back(Column::numeric(fmt::format("x{}", j), std::move(values)));
  }

  // Categories sorted as strings, as reading them back from a CSV file would give.
  const std::size_t n_categories = params.n_categories;
  std::vector<std::string> categories;
  for (std::size_t i = 0; i < n_categories; ++i)
    categories.push_back(category_name(i));
  std::vector<std::string> sorted = categories;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::int32_t> code_of(n_categories);
  for (std::size_t i = 0; i < n_categories; ++i) {
    code_of[i] = static_cast<std::int32_t>(
        std::lower_bound(sorted.begin(), sorted.end(), categories[i]) - sorted.begin());
  }
  // Background frequencies fall off as 1 / (i + 1), so a most frequent category exists.
  std::vector<double> cumulative(n_categories);
  double total = 0.0;
  for (std::size_t i = 0; i < n_categories; ++i) {
    total += 1.0 / static_cast<double>(i + 1);
    cumulative[i] = total;
  }
  auto background = [&] {
    const double draw = categorical_random.uniform() * total;
    const auto found = std::upper_bound(cumulative.begin(), cumulative.end(), draw);
    return std::min<std::size_t>(static_cast<std::size_t>(found - cumulative.begin()),
                                 n_categories - 1);
  };
  for (std::size_t j = 0; j < params.n_categorical; ++j) {
    std::vector<std::int32_t> codes(n);
    for (std::size_t row = 0; row < n; ++row) {
      std::size_t category = background();
      // c0 carries signal: half the time it is the class's own category.
      if (j == 0 && categorical_random.uniform() < kCategoricalSignal) {
        category = static_cast<std::size_t>(labels[row]) % n_categories;
      }
      codes[row] = code_of[category];
    }
    for (auto& code : codes) {
      if (missing_random.uniform() < params.missing_rate) code = Column::kMissingCode;
    }
    columns.push_back(Column::categorical(fmt::format("c{}", j), std::move(codes), sorted));
  }

  columns.push_back(Column::numeric("target", std::vector<double>(labels.begin(), labels.end())));
  return Dataset(std::move(columns));
}

}  // namespace loom::data
