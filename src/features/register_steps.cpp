// The built-in steps of loom::features (encoders, scalers, text, reduction, selection).
#include "../pipeline/builtin_steps.hpp"
#include "loom/features/binarizer.hpp"
#include "loom/features/k_bins_discretizer.hpp"
#include "loom/features/label_encoder.hpp"
#include "loom/features/max_abs_scaler.hpp"
#include "loom/features/min_max_scaler.hpp"
#include "loom/features/normalizer.hpp"
#include "loom/features/one_hot_encoder.hpp"
#include "loom/features/ordinal_encoder.hpp"
#include "loom/features/polynomial_features.hpp"
#include "loom/features/power_transformer.hpp"
#include "loom/features/robust_scaler.hpp"
#include "loom/features/standard_scaler.hpp"
#include "loom/features/value_mapper.hpp"

namespace loom::detail {

void register_feature_steps(Registry& registry) {
  registry.add<features::Binarizer>();
  registry.add<features::KBinsDiscretizer>();
  registry.add<features::LabelEncoder>();
  registry.add<features::MaxAbsScaler>();
  registry.add<features::MinMaxScaler>();
  registry.add<features::Normalizer>();
  registry.add<features::OrdinalEncoder>();
  registry.add<features::PolynomialFeatures>();
  registry.add<features::PowerTransformer>();
  registry.add<features::RobustScaler>();
  registry.add<features::OneHotEncoder>();
  registry.add<features::StandardScaler>();
  registry.add<features::ValueMapper>();
}

}  // namespace loom::detail
