#pragma once
// CHECK_LOOM_THROWS(expr, Type, "text"): expr throws Type and the message contains text.
#include <catch2/catch.hpp>

#define CHECK_LOOM_THROWS(expression, ExceptionType, text)          \
  do {                                                              \
    CHECK_THROWS_AS(expression, ExceptionType);                     \
    CHECK_THROWS_WITH(expression, Catch::Matchers::Contains(text)); \
  } while (false)
