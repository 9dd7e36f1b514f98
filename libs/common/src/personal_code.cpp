#include "kutse/common/personal_code.hpp"

namespace kutse::common {
namespace {

bool AllDigits(const std::string& text) {
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return !text.empty();
}

int WeightedSum(const std::string& digits, const int (&weights)[10]) {
  int sum = 0;
  for (int i = 0; i < 10; ++i) {
    sum += (digits[static_cast<size_t>(i)] - '0') * weights[i];
  }
  return sum;
}

}  // namespace

int PersonalCodeCheckDigit(const std::string& first_ten_digits) {
  static constexpr int kFirst[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
  static constexpr int kSecond[10] = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
  int check = WeightedSum(first_ten_digits, kFirst) % 11;
  if (check == 10) {
    check = WeightedSum(first_ten_digits, kSecond) % 11;
    if (check == 10) {
      check = 0;
    }
  }
  return check;
}

std::optional<Date> BirthDateOf(const std::string& code) {
  if (code.size() != 11 || !AllDigits(code)) {
    return std::nullopt;
  }
  int century_digit = code[0] - '0';
  if (century_digit < 1 || century_digit > 6) {
    return std::nullopt;
  }
  int century = 1800 + ((century_digit - 1) / 2) * 100;
  int year = century + std::stoi(code.substr(1, 2));
  int month = std::stoi(code.substr(3, 2));
  int day = std::stoi(code.substr(5, 2));
  if (!IsValidDate(year, month, day)) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

bool IsValidPersonalCode(const std::string& code) {
  if (!BirthDateOf(code)) {
    return false;
  }
  return PersonalCodeCheckDigit(code.substr(0, 10)) == code[10] - '0';
}

}  // namespace kutse::common
