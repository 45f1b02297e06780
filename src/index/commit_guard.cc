#include "index/commit_guard.h"

#include <xapian.h>

#include <cstdlib>
#include <exception>
#include <filesystem>

namespace nsearch::index {
namespace {

thread_local const CommitScope* current = nullptr;
void (*report_failure)(const std::string&) = nullptr;
int failure_exit_code = 1;
std::terminate_handler previous = nullptr;

[[noreturn]] void OnTerminate() {
  const CommitScope* scope = current;
  if (scope == nullptr || report_failure == nullptr) {
    if (previous) previous();
    std::abort();
  }
  std::string what = "an unknown error";
  if (std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const Xapian::Error& x) {
      what = x.get_description();
    } catch (const std::exception& x) {
      what = x.what();
    } catch (...) {
    }
  }
  std::error_code ec;
  if (!scope->scratch().empty()) std::filesystem::remove_all(scope->scratch(), ec);
  report_failure("cannot write index " + scope->index_path() + ": " + what);
  std::_Exit(failure_exit_code);
}

}  // namespace

CommitScope::CommitScope(const std::string& index_path, const std::string& scratch)
    : index_path_(index_path), scratch_(scratch), outer_(current) {
  current = this;
}

CommitScope::~CommitScope() { current = outer_; }

void InstallCommitGuard(void (*report)(const std::string& message), int exit_code) {
  report_failure = report;
  failure_exit_code = exit_code;
  std::terminate_handler old = std::set_terminate(OnTerminate);
  if (old != OnTerminate) previous = old;
}

}  // namespace nsearch::index
