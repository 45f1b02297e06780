// index/lock_info: who holds an index's write lock, and waiting for it.
// Xapian locks a glass database with an open-file-description lock on its
// "flintlock" file; /proc shows which processes have that file open with a
// lock on it (the "lock:" lines of /proc/PID/fdinfo), so the "locked"
// message can name the process, however it took the lock (nsearch-index,
// xapian-compact, a program of the user's) and without a pid file that a
// killed run would leave behind.
#ifndef NSEARCH_INDEX_LOCK_INFO_H_
#define NSEARCH_INDEX_LOCK_INFO_H_

#include <functional>
#include <memory>
#include <string>

#include "index/writer.h"
#include "nsearch/status.h"

namespace nsearch::index {

// The processes holding the write lock of the glass database in
// |database_dir|, as "nsearch-index (pid 1234, running for 3 min 5 s)",
// several joined by "; ". Empty when none can be seen from here (another
// user's process, another machine, no /proc).
std::string LockHolders(const std::string& database_dir);

// "index DIR is locked: HOLDER is writing it", for an index whose writer
// could not take the lock.
std::string LockedMessage(const std::string& index_path);

// Writer::Open, tried again every fraction of a second while the index is
// locked, for up to |wait_seconds| (0: once; infinity: until it is free).
// |on_wait| (may be null) is called once, with the locked message, when the
// wait starts. On time-out the Locked status says how long it waited.
Result<std::unique_ptr<Writer>> OpenWriterWaiting(
    const std::string& path, const WriterOptions& options, double wait_seconds,
    const std::function<void(const std::string&)>& on_wait);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_LOCK_INFO_H_
