// RFC 9457 problem details. Handlers throw HttpError; exactly one place (the dispatcher) turns it,
// or any other exception, into an application/problem+json response. Exception texts never leave.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "kutse/http/response.hpp"

namespace kutse::http {

struct FieldError {
  std::string pointer;  // JSON Pointer into the request body, e.g. /holder_personal_code
  std::string detail;
};

struct Problem {
  int status = 500;
  std::string code;    // machine-readable: not_found, validation_failed, ...
  std::string detail;  // human-readable, safe to show; never an exception text
  std::vector<FieldError> errors;
};

class HttpError : public std::exception {
 public:
  explicit HttpError(Problem problem) : problem_(std::move(problem)) {}
  HttpError(int status, std::string code, std::string detail)
      : problem_{status, std::move(code), std::move(detail), {}} {}
  const Problem& problem() const { return problem_; }
  const char* what() const noexcept override { return problem_.code.c_str(); }
  // Headers the answer needs besides the problem itself (Retry-After, WWW-Authenticate).
  HttpError& WithHeader(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }

 private:
  Problem problem_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

// The title for a code in Estonian ("et") or English ("en").
std::string ProblemTitle(const std::string& code, const std::string& language);
Response ProblemResponse(const Problem& problem, const std::string& instance, const std::string& trace_id,
                         const std::string& language);

}  // namespace kutse::http
