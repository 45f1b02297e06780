// index/commit_guard: a failed write inside a Xapian commit (a full disk, a
// quota, a file size limit) is an error the run reports and stops on. But
// Xapian 1.4 can abort the process instead: when its clean-up after the
// failed write writes again and that fails too, the second exception leaves
// a destructor and the C++ runtime calls std::terminate (seen with a file
// size limit a block past the index's size). The guard turns that abort into
// the run's usual error: the message, the scratch directory of the commit
// removed (readers never saw it), and the failure exit code.
#ifndef NSEARCH_INDEX_COMMIT_GUARD_H_
#define NSEARCH_INDEX_COMMIT_GUARD_H_

#include <string>

namespace nsearch::index {

// Marks a commit of the index at |index_path| in progress on this thread;
// |scratch| (may be empty) is a directory no reader sees yet, written by
// the commit. Both outlive the scope.
class CommitScope {
 public:
  CommitScope(const std::string& index_path, const std::string& scratch);
  ~CommitScope();
  CommitScope(const CommitScope&) = delete;
  CommitScope& operator=(const CommitScope&) = delete;

  const std::string& index_path() const { return index_path_; }
  const std::string& scratch() const { return scratch_; }

 private:
  const std::string& index_path_;
  const std::string& scratch_;
  const CommitScope* outer_;
};

// From now on, std::terminate on a thread inside a CommitScope reports
// |report(message)| (the message names the index and Xapian's error) and
// exits with |exit_code|; elsewhere it does what it did before.
void InstallCommitGuard(void (*report)(const std::string& message), int exit_code);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_COMMIT_GUARD_H_
