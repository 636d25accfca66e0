// Reads the real data sets in /work/shared/data when they are present; each test skips
// cleanly (with a message) when its file is absent.
#include <catch2/catch.hpp>
#include <string>

#include "fixtures.hpp"
#include "loom/io/csv.hpp"

using loom::ColumnType;
using loom::Dataset;
using loom::io::CsvOptions;

namespace {
std::string shared(const std::string& file) {
  return std::string(LOOM_SHARED_DATA_DIR) + "/" + file;
}
}  // namespace

TEST_CASE("read_csv reads titanic.csv with quoted names", "[io][csv][shared]") {
  if (!loom::test::shared_data_available("titanic.csv")) {
    WARN("titanic.csv absent: skipped");
    return;
  }
  const Dataset data = loom::io::read_csv(shared("titanic.csv"));
  CHECK(data.n_rows() == 891);
  CHECK(data.n_columns() == 12);
  CHECK(data.column("Age").type() == ColumnType::numeric);
  CHECK(data.column("Age").count_missing() == 177);
  CHECK(data.column("Cabin").count_missing() == 687);
  CHECK(data.column("Embarked").count_missing() == 2);
  CHECK(data.column("Name").value_string(0) == "Braund, Mr. Owen Harris");
  CHECK(data.column("Survived").type() == ColumnType::numeric);
}

TEST_CASE("read_csv reads adult_train.csv with trimming", "[io][csv][shared]") {
  if (!loom::test::shared_data_available("adult_train.csv")) {
    WARN("adult_train.csv absent: skipped");
    return;
  }
  CsvOptions options;
  options.trim = true;
  const Dataset data = loom::io::read_csv(shared("adult_train.csv"), options);
  CHECK(data.n_rows() == 32561);
  CHECK(data.n_columns() == 15);
  CHECK(data.column("workclass").count_missing() == 1836);
  CHECK(data.column("occupation").count_missing() == 1843);
  CHECK(data.column("workclass").value_string(0) == "State-gov");
  CHECK(data.column("income").categories() == std::vector<std::string>{"<=50K", ">50K"});
  CHECK(data.column("fnlwgt").type() == ColumnType::numeric);
}

TEST_CASE("read_csv reads sms_spam.tsv without quoting", "[io][csv][shared]") {
  if (!loom::test::shared_data_available("sms_spam.tsv")) {
    WARN("sms_spam.tsv absent: skipped");
    return;
  }
  CsvOptions options;
  options.delimiter = '\t';
  options.quoting = false;
  const Dataset data = loom::io::read_csv(shared("sms_spam.tsv"), options);
  CHECK(data.n_rows() == 5574);
  CHECK(data.column("label").categories() == std::vector<std::string>{"ham", "spam"});
  CHECK(data.column("text").type() == ColumnType::text);
}

TEST_CASE("read_csv reads the semicolon-separated UCI files", "[io][csv][shared]") {
  CsvOptions options;
  options.delimiter = ';';
  if (loom::test::shared_data_available("bank.csv")) {
    const Dataset bank = loom::io::read_csv(shared("bank.csv"), options);
    CHECK(bank.n_rows() == 4521);
    CHECK(bank.n_columns() == 17);
    CHECK(bank.column("y").categories() == std::vector<std::string>{"no", "yes"});
    CHECK(bank.column("pdays").type() == ColumnType::numeric);
  } else {
    WARN("bank.csv absent: skipped");
  }
  if (loom::test::shared_data_available("wine_quality_red.csv")) {
    const Dataset wine = loom::io::read_csv(shared("wine_quality_red.csv"), options);
    CHECK(wine.n_rows() == 1599);
    CHECK(wine.column("fixed acidity").type() == ColumnType::numeric);
    CHECK(wine.column("fixed acidity").numeric_values()[0] == 7.4);
  } else {
    WARN("wine_quality_red.csv absent: skipped");
  }
}

TEST_CASE("read_csv reads automobile.csv with '?' as missing", "[io][csv][shared]") {
  if (!loom::test::shared_data_available("automobile.csv")) {
    WARN("automobile.csv absent: skipped");
    return;
  }
  const Dataset data = loom::io::read_csv(shared("automobile.csv"));
  CHECK(data.n_rows() == 205);
  CHECK(data.column("normalized_losses").type() == ColumnType::numeric);
  CHECK(data.column("normalized_losses").count_missing() == 41);
  CHECK(data.column("price").count_missing() == 4);
  CHECK(data.column("num_of_doors").count_missing() == 2);
}
