#include "loom/core/params.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/core/step.hpp"
#include "loom/features/standard_scaler.hpp"

using loom::Json;

namespace {

// A parameter struct using every supported member type.
struct ToyParams {
  double alpha = 1.0;                          // > 0
  int degree = 2;                              // >= 1
  double ratio = 0.5;                          // in [0, 1]
  std::string kind = "fast";                   // "fast" | "exact"
  bool verbose = false;                        //
  std::optional<int> limit = std::nullopt;     // null or a number
  std::vector<double> weights = {};            // any list
  std::optional<std::string> label = "first";  // null or text
  std::uint64_t seed = 0;                      //
  static const loom::ParamTable<ToyParams>& table() {
    static const loom::ParamTable<ToyParams> table{
        loom::param("alpha", &ToyParams::alpha, loom::greater_than(0.0)),
        loom::param("degree", &ToyParams::degree, loom::at_least(1)),
        loom::param("ratio", &ToyParams::ratio, loom::between(0.0, 1.0)),
        loom::param("kind", &ToyParams::kind, loom::one_of({"fast", "exact"})),
        loom::param("verbose", &ToyParams::verbose),
        loom::param("limit", &ToyParams::limit),
        loom::param("weights", &ToyParams::weights),
        loom::param("label", &ToyParams::label),
        loom::param("seed", &ToyParams::seed),
    };
    return table;
  }
};

class Toy : public loom::StepWithParams<Toy, loom::Transformer, ToyParams> {
 public:
  static constexpr std::string_view kTypeName = "Toy";
  using StepWithParams::StepWithParams;
  void fit(const loom::Table&, const loom::Column*) override { fitted_ = true; }
  loom::Table transform(const loom::Table& x) const override { return x; }
  std::vector<std::string> feature_names_out() const override { return {}; }
  bool is_fitted() const override { return fitted_; }
  Json fitted_state() const override { return Json::object(); }
  void load_fitted_state(const Json&) override { fitted_ = true; }

 private:
  bool fitted_ = false;
};

}  // namespace

TEST_CASE("Parameter tables give every field to JSON and list them in order", "[core][params]") {
  const ToyParams params{.alpha = 0.25, .limit = 7, .weights = {1.5, 2.0}};
  const Json json = loom::params_to_json(params);
  CHECK(json == Json::parse(R"({"alpha": 0.25, "degree": 2, "ratio": 0.5, "kind": "fast",
                                "verbose": false, "limit": 7, "weights": [1.5, 2.0],
                                "label": "first", "seed": 0})"));
  std::vector<std::string> names;
  for (const auto& field : ToyParams::table())
    names.push_back(field.name);
  CHECK(names == std::vector<std::string>{"alpha", "degree", "ratio", "kind", "verbose", "limit",
                                          "weights", "label", "seed"});
}

TEST_CASE("Parameters are set from JSON values of the right type", "[core][params]") {
  ToyParams params;
  loom::set_param_from_json("Toy \"t\"", params, "alpha", 3);  // an integer is a number
  CHECK(params.alpha == 3.0);
  loom::set_param_from_json("Toy \"t\"", params, "degree", 4.0);  // a whole float is an integer
  CHECK(params.degree == 4);
  loom::set_param_from_json("Toy \"t\"", params, "verbose", true);
  CHECK(params.verbose);
  loom::set_param_from_json("Toy \"t\"", params, "limit", 10);
  CHECK(params.limit == 10);
  loom::set_param_from_json("Toy \"t\"", params, "limit", nullptr);
  CHECK_FALSE(params.limit.has_value());
  loom::set_param_from_json("Toy \"t\"", params, "weights", Json::array({0.1, 2}));
  CHECK(params.weights == std::vector<double>{0.1, 2.0});
  loom::set_param_from_json("Toy \"t\"", params, "label", nullptr);
  CHECK_FALSE(params.label.has_value());
  loom::set_param_from_json("Toy \"t\"", params, "seed", 18446744073709551615ull);
  CHECK(params.seed == 18446744073709551615ull);
  // get -> set round trip.
  ToyParams copy;
  const Json json = loom::params_to_json(params);  // kept alive: items() refers to it
  for (const auto& [name, value] : json.items())
    loom::set_param_from_json("Toy", copy, name, value);
  CHECK(loom::params_to_json(copy) == loom::params_to_json(params));
}

TEST_CASE("Wrong JSON types are refused with the owner, parameter, value and expected type",
          "[core][params][errors]") {
  ToyParams params;
  const std::string owner = "Toy \"t\"";
  CHECK_LOOM_THROWS(loom::set_param_from_json(owner, params, "alpha", "big"), loom::ParameterError,
                    "Toy \"t\": parameter alpha = \"big\" must be a number");
  CHECK_LOOM_THROWS(loom::set_param_from_json(owner, params, "degree", 2.5), loom::ParameterError,
                    "Toy \"t\": parameter degree = 2.5 must be an integer");
  CHECK_LOOM_THROWS(loom::set_param_from_json(owner, params, "verbose", 1), loom::ParameterError,
                    "parameter verbose = 1 must be a boolean");
  CHECK_LOOM_THROWS(loom::set_param_from_json(owner, params, "kind", 3), loom::ParameterError,
                    "parameter kind = 3 must be a string");
  CHECK_LOOM_THROWS(loom::set_param_from_json(owner, params, "limit", "x"), loom::ParameterError,
                    "parameter limit = \"x\" must be an integer or null");
  CHECK_LOOM_THROWS(loom::set_param_from_json(owner, params, "weights", 1.0), loom::ParameterError,
                    "parameter weights = 1.0 must be a list");
  CHECK_LOOM_THROWS(loom::set_param_from_json(owner, params, "weights", Json::array({1, "a"})),
                    loom::ParameterError, "must be a list of a number");
  CHECK_LOOM_THROWS(loom::set_param_from_json(owner, params, "gamma", 1), loom::ParameterError,
                    "Toy \"t\": unknown parameter \"gamma\" (parameters: alpha, degree, ratio, "
                    "kind, verbose, limit, weights, label, seed)");
  // A refused value leaves the parameter as it was.
  CHECK(params.alpha == 1.0);
  CHECK(params.degree == 2);
}

TEST_CASE("Validation names the owner, the parameter, the value and what is allowed",
          "[core][params][errors]") {
  const std::string owner = "Toy \"t\"";
  CHECK_NOTHROW(loom::validate_params(owner, ToyParams{}));
  CHECK_LOOM_THROWS(loom::validate_params(owner, ToyParams{.alpha = -1.0}), loom::ParameterError,
                    "Toy \"t\": parameter alpha = -1.0 must be > 0");
  CHECK_LOOM_THROWS(loom::validate_params(owner, ToyParams{.alpha = 0.0}), loom::ParameterError,
                    "parameter alpha = 0.0 must be > 0");
  CHECK_LOOM_THROWS(loom::validate_params(owner, ToyParams{.degree = 0}), loom::ParameterError,
                    "parameter degree = 0 must be >= 1");
  CHECK_LOOM_THROWS(loom::validate_params(owner, ToyParams{.ratio = 1.5}), loom::ParameterError,
                    "parameter ratio = 1.5 must be in [0, 1]");
  CHECK_NOTHROW(loom::validate_params(owner, ToyParams{.ratio = 1.0}));
  CHECK_LOOM_THROWS(loom::validate_params(owner, ToyParams{.kind = "slow"}), loom::ParameterError,
                    "parameter kind = \"slow\" must be one of \"fast\", \"exact\"");
  // NaN fails every range check.
  CHECK_LOOM_THROWS(loom::validate_params(owner, ToyParams{.ratio = std::nan("")}),
                    loom::ParameterError, "parameter ratio");
}

TEST_CASE("StepWithParams derives get, set and validate from the table", "[core][params][step]") {
  Toy toy({.alpha = 2.0});
  toy.set_name("toy");
  CHECK(toy.type_name() == "Toy");
  CHECK(toy.describe() == "Toy \"toy\"");
  CHECK(toy.get_params()["alpha"] == 2.0);
  CHECK(toy.get_param("kind") == "fast");
  toy.set_params({{"kind", "exact"}, {"degree", 3}});
  CHECK(toy.params().kind == "exact");
  CHECK(toy.params().degree == 3);
  CHECK_LOOM_THROWS(toy.get_param("gamma"), loom::ParameterError,
                    "Toy \"toy\": unknown parameter \"gamma\" (parameters: alpha, degree");
  CHECK_LOOM_THROWS(toy.set_params(Json::array()), loom::ParameterError,
                    "Toy \"toy\": params must be a JSON object");
  toy.set_param("alpha", -3);
  CHECK_LOOM_THROWS(toy.validate_params(), loom::ParameterError,
                    "Toy \"toy\": parameter alpha = -3.0 must be > 0");
  // clone copies parameters, name and kind.
  const auto copy = toy.clone();
  CHECK(copy->name() == "toy");
  CHECK(copy->kind() == loom::StepKind::transformer);
  CHECK(copy->get_params() == toy.get_params());
  // An unnamed step is described by its type alone.
  CHECK(Toy().describe() == "Toy");
}

TEST_CASE("Shipped steps declare their parameters once", "[core][params][step]") {
  loom::features::StandardScaler scaler({.with_std = false});
  CHECK(scaler.get_params() == Json{{"with_mean", true}, {"with_std", false}});
  scaler.set_param("with_mean", false);
  CHECK_FALSE(scaler.params().with_mean);
}
