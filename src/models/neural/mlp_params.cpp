#include "loom/models/neural/mlp_params.hpp"

namespace loom::models {

namespace {

std::string check_batch_size(const Json& value) {
  if (value.is_string() && value.get<std::string>() == "auto") return {};
  if (value.is_number_integer() && value.get<long long>() >= 1) return {};
  return "must be an integer >= 1 or \"auto\"";
}

}  // namespace

const ParamTable<MLPParams>& MLPParams::table() {
  using P = MLPParams;
  static const ParamTable<P> table{
      param("hidden_layer_sizes", &P::hidden_layer_sizes),
      param("activation", &P::activation, one_of({"identity", "logistic", "tanh", "relu"})),
      param("solver", &P::solver, one_of({"adam", "sgd"})),
      param("alpha", &P::alpha, at_least(0.0)),
      param<P, Json>("batch_size", &P::batch_size, check_batch_size),
      param("learning_rate", &P::learning_rate, one_of({"constant", "invscaling", "adaptive"})),
      param("learning_rate_init", &P::learning_rate_init, greater_than(0.0)),
      param("power_t", &P::power_t, at_least(0.0)),
      param("max_iter", &P::max_iter, at_least(1)),
      param("shuffle", &P::shuffle),
      param("random_state", &P::random_state),
      param("tol", &P::tol, at_least(0.0)),
      param("momentum", &P::momentum, between(0.0, 1.0)),
      param("nesterovs_momentum", &P::nesterovs_momentum),
      param("early_stopping", &P::early_stopping),
      param<P, double>("validation_fraction", &P::validation_fraction,
                       [](const double& value) {
                         return value > 0.0 && value < 1.0 ? std::string()
                                                           : std::string("must be in (0, 1)");
                       }),
      param<P, double>("beta_1", &P::beta_1,
                       [](const double& value) {
                         return value >= 0.0 && value < 1.0 ? std::string()
                                                            : std::string("must be in [0, 1)");
                       }),
      param<P, double>("beta_2", &P::beta_2,
                       [](const double& value) {
                         return value >= 0.0 && value < 1.0 ? std::string()
                                                            : std::string("must be in [0, 1)");
                       }),
      param("epsilon", &P::epsilon, greater_than(0.0)),
      param("n_iter_no_change", &P::n_iter_no_change, at_least(1)),
  };
  return table;
}

}  // namespace loom::models
