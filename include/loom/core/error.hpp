#pragma once
// The error hierarchy every loom function throws from. Messages say where (file, line,
// column, step, parameter) and what was expected versus what was found.
#include <stdexcept>
#include <string>

namespace loom {

// Base of every exception loom throws; catch this to catch them all.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Values that cannot be used: NaN where not allowed, wrong shapes, empty data.
class DataError : public Error {
 public:
  using Error::Error;
};

// Columns that are missing, unexpected or of the wrong type.
class SchemaError : public Error {
 public:
  using Error::Error;
};

// transform / predict called on a step that was never fitted.
class NotFittedError : public Error {
 public:
  using Error::Error;
};

// Malformed text: CSV, JSON, a spec, a saved model.
class ParseError : public Error {
 public:
  using Error::Error;
};

// A hyperparameter that is unknown or out of range.
class ParameterError : public Error {
 public:
  using Error::Error;
};

// A file that cannot be opened, read, written or renamed.
class IoError : public Error {
 public:
  using Error::Error;
};

}  // namespace loom
