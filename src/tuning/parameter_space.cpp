#include "loom/tuning/parameter_space.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "loom/core/error.hpp"
#include "loom/tuning/random_state.hpp"

namespace loom::tuning {
namespace {

// scikit-learn sorts its own names ("model__C"); loom's dotted names sort the same way once
// the dots are written as double underscores.
std::string sklearn_name(const std::string& name) {
  std::string result;
  for (const char c : name) {
    if (c == '.') {
      result += "__";
    } else {
      result += c;
    }
  }
  return result;
}

std::vector<std::pair<std::string, Json>> sorted_items(const Json& object) {
  std::vector<std::pair<std::string, Json>> items;
  for (const auto& [key, value] : object.items())
    items.emplace_back(key, value);
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return sklearn_name(a.first) < sklearn_name(b.first);
  });
  return items;
}

std::vector<Json> sub_grids(const Json& grid, std::string_view what) {
  if (grid.is_object()) return {grid};
  if (grid.is_array() && !grid.empty() &&
      std::all_of(grid.begin(), grid.end(), [](const Json& g) { return g.is_object(); })) {
    return {grid.begin(), grid.end()};
  }
  throw ParameterError(fmt::format(
      "{}: expected a JSON object mapping \"step.param\" names to values, or a list of such "
      "objects; found {}",
      what, grid.dump()));
}

void check_grid_values(const std::string& name, const Json& values) {
  if (!values.is_array() || values.empty()) {
    throw ParameterError(
        fmt::format("parameter grid: \"{}\" must map to a non-empty list of values, found {}", name,
                    values.dump()));
  }
}

std::size_t grid_size(const Json& sub_grid) {
  std::size_t size = 1;
  for (const auto& [name, values] : sub_grid.items()) {
    check_grid_values(name, values);
    size *= values.size();
  }
  return size;
}

// grid[index] as scikit-learn's ParameterGrid.__getitem__.
Json grid_point(const std::vector<Json>& grids, std::size_t index) {
  for (const auto& sub_grid : grids) {
    const std::size_t size = sub_grid.empty() ? 1 : grid_size(sub_grid);
    if (index >= size) {
      index -= size;
      continue;
    }
    Json point = Json::object();
    auto items = sorted_items(sub_grid);
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
      const std::size_t n = it->second.size();
      point[it->first] = it->second[index % n];
      index /= n;
    }
    return point;
  }
  throw ParameterError("parameter grid: index out of range");
}

// sklearn.utils.random.sample_without_replacement(n_population, n_samples), method "auto".
std::vector<std::size_t> sample_without_replacement(std::size_t n_population, std::size_t n_samples,
                                                    RandomState& rng) {
  const double ratio =
      n_population ? static_cast<double>(n_samples) / static_cast<double>(n_population) : 1.0;
  if (ratio > 0.01 && ratio < 0.99) {
    auto order = rng.permutation(n_population);
    order.resize(n_samples);
    return order;
  }
  std::vector<std::size_t> out;
  if (ratio < 0.2) {
    std::set<std::size_t> selected;
    for (std::size_t i = 0; i < n_samples; ++i) {
      std::size_t j = 0;
      do {
        j = static_cast<std::size_t>(rng.randint(0, static_cast<std::int64_t>(n_population)));
      } while (selected.count(j));
      selected.insert(j);
      out.push_back(j);
    }
    return out;
  }
  for (std::size_t i = 0; i < n_samples; ++i)
    out.push_back(i);
  for (std::size_t i = n_samples; i < n_population; ++i) {
    const auto j = static_cast<std::size_t>(rng.randint(0, static_cast<std::int64_t>(i + 1)));
    if (j < n_samples) out[j] = i;
  }
  return out;
}

std::pair<double, double> bounds(const std::string& name, const std::string& kind,
                                 const Json& value) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number()) {
    throw ParameterError(
        fmt::format("distribution of \"{}\": {} takes two numbers [low, high], found {}", name,
                    kind, value.dump()));
  }
  const double low = value[0].get<double>();
  const double high = value[1].get<double>();
  if (!(low < high)) {
    throw ParameterError(fmt::format("distribution of \"{}\": {} needs low < high, found [{}, {}]",
                                     name, kind, low, high));
  }
  if (kind == "loguniform" && !(low > 0.0)) {
    throw ParameterError(
        fmt::format("distribution of \"{}\": loguniform needs 0 < low, found {}", name, low));
  }
  if (kind == "randint" && (low != std::floor(low) || high != std::floor(high))) {
    throw ParameterError(fmt::format(
        "distribution of \"{}\": randint takes whole numbers [low, high), found [{}, {}]", name,
        low, high));
  }
  return {low, high};
}

// A list of choices for a plain list or {"choice": [...]}, else an empty optional.
const Json* choices_of(const Json& value) {
  if (value.is_array()) return &value;
  if (value.is_object() && value.size() == 1 && value.contains("choice")) return &value["choice"];
  return nullptr;
}

Json draw(const std::string& name, const Json& spec, RandomState& rng) {
  if (const Json* choices = choices_of(spec)) {
    if (!choices->is_array() || choices->empty()) {
      throw ParameterError(
          fmt::format("distribution of \"{}\": choice takes a non-empty list, found {}", name,
                      choices->dump()));
    }
    return (*choices)[static_cast<std::size_t>(
        rng.randint(0, static_cast<std::int64_t>(choices->size())))];
  }
  if (!spec.is_object() || spec.size() != 1) {
    throw ParameterError(fmt::format(
        "distribution of \"{}\": expected a list or one of {{\"uniform\": [low, high]}}, "
        "{{\"loguniform\": [low, high]}}, {{\"randint\": [low, high]}}, {{\"choice\": [...]}}; "
        "found {}",
        name, spec.dump()));
  }
  const std::string kind = spec.begin().key();
  if (kind == "uniform") {
    const auto [low, high] = bounds(name, kind, spec.begin().value());
    const double u = rng.random_sample();
    return u * (high - low) + low;  // scipy: uniform(loc=low, scale=high - low).rvs
  }
  if (kind == "loguniform") {
    const auto [low, high] = bounds(name, kind, spec.begin().value());
    const double q = rng.random_sample();
    return low * std::pow(high * 1.0 / low, q);  // scipy's reciprocal._ppf
  }
  if (kind == "randint") {
    const auto [low, high] = bounds(name, kind, spec.begin().value());
    return rng.randint(static_cast<std::int64_t>(low), static_cast<std::int64_t>(high));
  }
  throw ParameterError(fmt::format(
      "distribution of \"{}\": unknown distribution \"{}\" (expected uniform, loguniform, "
      "randint or choice)",
      name, kind));
}

}  // namespace

std::vector<Json> parameter_grid(const Json& grid) {
  std::vector<Json> points;
  for (const auto& sub_grid : sub_grids(grid, "parameter grid")) {
    if (sub_grid.empty()) {
      points.push_back(Json::object());
      continue;
    }
    const std::size_t size = grid_size(sub_grid);
    const std::vector<Json> one{sub_grid};
    for (std::size_t i = 0; i < size; ++i)
      points.push_back(grid_point(one, i));
  }
  return points;
}

std::vector<Json> parameter_sampler(const Json& distributions, std::size_t n_iter,
                                    std::uint32_t random_state) {
  const auto grids = sub_grids(distributions, "parameter distributions");
  RandomState rng(random_state);
  bool all_lists = true;
  for (const auto& sub_grid : grids) {
    for (const auto& [name, value] : sub_grid.items())
      all_lists = all_lists && value.is_array();
  }
  std::vector<Json> points;
  if (all_lists) {
    std::size_t total = 0;
    for (const auto& sub_grid : grids)
      total += sub_grid.empty() ? 1 : grid_size(sub_grid);
    const std::size_t n = std::min(n_iter, total);
    for (const std::size_t index : sample_without_replacement(total, n, rng))
      points.push_back(grid_point(grids, index));
    return points;
  }
  for (std::size_t i = 0; i < n_iter; ++i) {
    const Json& sub_grid =
        grids[static_cast<std::size_t>(rng.randint(0, static_cast<std::int64_t>(grids.size())))];
    Json point = Json::object();
    for (const auto& [name, spec] : sorted_items(sub_grid))
      point[name] = draw(name, spec, rng);
    points.push_back(std::move(point));
  }
  return points;
}

}  // namespace loom::tuning
