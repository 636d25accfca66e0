#include "loom/features/arithmetic_features.hpp"

#include <cctype>
#include <cmath>
#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>

#include "loom/core/input_check.hpp"
#include "loom/core/json_state.hpp"
#include "loom/core/xtensor_view.hpp"

namespace loom::features {

namespace detail {

// One node of a parsed expression: a number, a column, a unary function or a binary operator.
struct ExpressionNode {
  enum class Kind { number, column, function, binary } kind = Kind::number;
  double number = 0.0;
  std::string name;  // column name, function name, or the operator
  std::shared_ptr<const ExpressionNode> left, right;
};

}  // namespace detail

namespace {

using Node = detail::ExpressionNode;
using NodePtr = std::shared_ptr<const Node>;

const std::vector<std::string> kFunctions = {"log", "log1p", "exp", "sqrt", "abs", "square"};

// Recursive descent: sum := product (('+'|'-') product)*; product := power (('*'|'/') power)*;
// power := unary ('^' power)?; unary := '-' unary | atom; atom := number | name | name '('
// sum ')' | '(' sum ')'.
class Parser {
 public:
  Parser(std::string text, std::string owner) : text_(std::move(text)), owner_(std::move(owner)) {}

  NodePtr parse() {
    NodePtr node = sum();
    skip_spaces();
    if (position_ != text_.size()) fail("unexpected '" + std::string(1, text_[position_]) + "'");
    return node;
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const {
    throw ParameterError(
        fmt::format("{}: expression \"{}\": {} at position {}", owner_, text_, problem, position_));
  }
  void skip_spaces() {
    while (position_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[position_])))
      ++position_;
  }
  bool accept(char symbol) {
    skip_spaces();
    if (position_ < text_.size() && text_[position_] == symbol) {
      ++position_;
      return true;
    }
    return false;
  }
  static NodePtr binary(std::string op, NodePtr left, NodePtr right) {
    auto node = std::make_shared<Node>();
    node->kind = Node::Kind::binary;
    node->name = std::move(op);
    node->left = std::move(left);
    node->right = std::move(right);
    return node;
  }
  NodePtr sum() {
    NodePtr node = product();
    while (true) {
      if (accept('+')) {
        node = binary("+", node, product());
      } else if (accept('-')) {
        node = binary("-", node, product());
      } else {
        return node;
      }
    }
  }
  NodePtr product() {
    NodePtr node = power();
    while (true) {
      if (accept('*')) {
        node = binary("*", node, power());
      } else if (accept('/')) {
        node = binary("/", node, power());
      } else {
        return node;
      }
    }
  }
  NodePtr power() {
    NodePtr base = unary();
    if (accept('^')) return binary("^", base, power());
    return base;
  }
  NodePtr unary() {
    if (accept('-')) {
      auto zero = std::make_shared<Node>();
      return binary("-", zero, unary());
    }
    return atom();
  }
  NodePtr atom() {
    skip_spaces();
    if (position_ >= text_.size()) fail("unexpected end");
    const char c = text_[position_];
    if (accept('(')) {
      NodePtr inner = sum();
      if (!accept(')')) fail("expected ')'");
      return inner;
    }
    auto node = std::make_shared<Node>();
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      std::size_t used = 0;
      try {
        node->number = std::stod(text_.substr(position_), &used);
      } catch (const std::exception&) {
        fail("malformed number");
      }
      position_ += used;
      return node;
    }
    std::string name;
    if (c == '`') {
      const std::size_t end = text_.find('`', position_ + 1);
      if (end == std::string::npos) fail("unclosed `");
      name = text_.substr(position_ + 1, end - position_ - 1);
      position_ = end + 1;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      while (position_ < text_.size() &&
             (std::isalnum(static_cast<unsigned char>(text_[position_])) ||
              text_[position_] == '_' || text_[position_] == '.')) {
        name += text_[position_++];
      }
    } else {
      fail("unexpected '" + std::string(1, c) + "'");
    }
    if (accept('(')) {
      if (std::find(kFunctions.begin(), kFunctions.end(), name) == kFunctions.end()) {
        fail(fmt::format("unknown function \"{}\" (functions: {})", name,
                         fmt::join(kFunctions, ", ")));
      }
      node->kind = Node::Kind::function;
      node->name = name;
      node->left = sum();
      if (!accept(')')) fail("expected ')'");
      return node;
    }
    node->kind = Node::Kind::column;
    node->name = name;
    return node;
  }

  std::string text_;
  std::string owner_;
  std::size_t position_ = 0;
};

void collect_columns(const Node& node, std::vector<std::string>& out) {
  if (node.kind == Node::Kind::column) out.push_back(node.name);
  if (node.left) collect_columns(*node.left, out);
  if (node.right) collect_columns(*node.right, out);
}

xt::xarray<double> evaluate(const Node& node, const Dataset& data) {
  const std::size_t n_rows = data.n_rows();
  switch (node.kind) {
    case Node::Kind::number:
      return xt::xarray<double>(std::vector<std::size_t>{n_rows}, node.number);
    case Node::Kind::column:
      return as_xtensor(data.column(node.name));
    case Node::Kind::function: {
      xt::xarray<double> inner = evaluate(*node.left, data);
      if (node.name == "log") return xt::log(inner);
      if (node.name == "log1p") return xt::log1p(inner);
      if (node.name == "exp") return xt::exp(inner);
      if (node.name == "sqrt") return xt::sqrt(inner);
      if (node.name == "abs") return xt::abs(inner);
      return inner * inner;
    }
    case Node::Kind::binary: {
      xt::xarray<double> left = evaluate(*node.left, data);
      xt::xarray<double> right = evaluate(*node.right, data);
      if (node.name == "+") return left + right;
      if (node.name == "-") return left - right;
      if (node.name == "*") return left * right;
      if (node.name == "/") return left / right;
      return xt::pow(left, right);
    }
  }
  return {};
}

std::string check_features(const Json& features) {
  if (!features.is_array() || features.empty()) {
    return "must be a non-empty list of {\"name\": ..., \"expression\": ...}";
  }
  for (const auto& feature : features) {
    if (!feature.is_object() || !feature.contains("name") || !feature["name"].is_string() ||
        !feature.contains("expression") || !feature["expression"].is_string()) {
      return "must be a non-empty list of {\"name\": ..., \"expression\": ...}";
    }
  }
  return "";
}

}  // namespace

const ParamTable<ArithmeticFeaturesParams>& ArithmeticFeaturesParams::table() {
  using P = ArithmeticFeaturesParams;
  static const ParamTable<P> table{
      param("features", &P::features, ParamCheck<Json>(check_features)),
      param("keep_input", &P::keep_input),
  };
  return table;
}

void ArithmeticFeatures::parse_all() {
  names_.clear();
  expressions_.clear();
  for (const auto& feature : params_.features) {
    names_.push_back(feature["name"].get<std::string>());
    expressions_.push_back(Parser(feature["expression"].get<std::string>(), describe()).parse());
  }
}

void ArithmeticFeatures::fit(const Table& x, const Column*) {
  validate_params();
  require_non_empty(x, describe());
  parse_all();
  const std::vector<std::string> names = x.column_names();
  for (std::size_t k = 0; k < expressions_.size(); ++k) {
    std::vector<std::string> used;
    collect_columns(*expressions_[k], used);
    for (const auto& column : used) {
      if (std::find(names.begin(), names.end(), column) == names.end()) {
        throw SchemaError(
            fmt::format("{}: feature \"{}\" uses column \"{}\", which is not in the "
                        "input",
                        describe(), names_[k], column));
      }
    }
  }
  feature_names_in_ = names;
  fitted_ = true;
}

Table ArithmeticFeatures::transform(const Table& x) const {
  require_fitted("transform");
  require_same_columns(x, feature_names_in_, describe());
  const Dataset data = x.to_dataset();
  std::vector<Column> added;
  for (std::size_t k = 0; k < expressions_.size(); ++k) {
    std::vector<std::string> used;
    collect_columns(*expressions_[k], used);
    for (const auto& column : used) {
      if (data.column(column).type() != ColumnType::numeric) {
        throw DataError(
            fmt::format("{}: feature \"{}\" uses column \"{}\", which is {}; expected "
                        "a numeric column",
                        describe(), names_[k], column, to_string(data.column(column).type())));
      }
    }
    const xt::xarray<double> values = evaluate(*expressions_[k], data);
    added.push_back(Column::numeric(names_[k], std::vector<double>(values.begin(), values.end())));
  }
  if (!params_.keep_input) return Dataset(std::move(added));
  Dataset result = data;
  for (auto& column : added)
    result.add_column(std::move(column));
  if (!x.is_dataset()) return FeatureMatrix(result.to_matrix(), result.column_names());
  return result;
}

std::vector<std::string> ArithmeticFeatures::feature_names_out() const {
  require_fitted("feature_names_out");
  std::vector<std::string> names =
      params_.keep_input ? feature_names_in_ : std::vector<std::string>{};
  names.insert(names.end(), names_.begin(), names_.end());
  return names;
}

Json ArithmeticFeatures::fitted_state() const {
  require_fitted("fitted_state");
  return {{"feature_names_in", feature_names_in_}};
}

void ArithmeticFeatures::load_fitted_state(const Json& saved) {
  feature_names_in_ = state::to_strings(saved, "feature_names_in");
  parse_all();
  fitted_ = true;
}

}  // namespace loom::features
