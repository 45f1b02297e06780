// RunIndexer: the indexing pipeline, ingest -> segment -> boilerplate ->
// entities -> document -> writer. The walk, the workers and the writer run
// on threads of their own (index/ordered_pool.h), a bounded number of
// articles in flight, so memory stays bounded by the largest articles, not
// the bundle.
#include "nsearch/indexer.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include "entities/extractor.h"
#include "index/data_dictionary.h"
#include "index/document.h"
#include "index/lock_info.h"
#include "index/ordered_pool.h"
#include "index/progress.h"
#include "index/revise.h"
#include "index/schema.h"
#include "index/writer.h"
#include "ingest/hash.h"
#include "ingest/hashed_table.h"
#include "ingest/inputs.h"
#include "ingest/source.h"
#include "quotes/quotes.h"
#include "segment/boilerplate.h"
#include "segment/segmenter.h"
#include "text/language.h"

namespace nsearch {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// The record a file would get now (index::FileRecord).
std::string RecordOf(const std::string& path, const struct stat& st) {
  return index::FileRecord(path, static_cast<uint64_t>(st.st_size),
                           st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
                           static_cast<uint64_t>(st.st_ino));
}

// Threads for segmentation, classification, extraction and document
// building (the walk and the writer have a thread each besides).
int WorkerThreads(const IndexOptions& o) {
  if (o.threads > 0) return o.threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// In-flight limits of the pools: a few articles per worker, and about this
// many bytes of raw text, so memory stays flat.
constexpr size_t kWindowPerThread = 16;
// How long before a run's start a file's mtime must be for the run to
// trust it as a stamp (coarse file-system timestamps tick in milliseconds;
// a network file system's clock may differ by more).
constexpr int64_t kRacyMarginNs = 2'000'000'000;
constexpr size_t kInFlightBytes = 64u << 20;

// First pass: reads every article once, to count the lines repeated across
// the bundle (see BoilerplateClassifier::Observe) and, when entities are
// extracted, to collect the persons the bundle names in full
// (Extractor::Observe; before classification, so from body-shaped paragraphs).
// Workers segment; the observations are made in reading order on one
// thread. Skips are reported by the second pass.
// An article of the bundle pass, segmented, with its entity evidence.
struct Observed {
  Article article;
  std::optional<entities::ArticleEvidence> evidence;
  double entity_seconds = 0;
};

class Observer : public ingest::Visitor {
 public:
  // |changes| (with |stamps|; both null for an empty index) learns what
  // this run changes, for revising the unchanged articles it affects.
  // |sampler| (may be null) samples the articles for a data dictionary.
  Observer(int threads, segment::BoilerplateClassifier* classifier, entities::Extractor* extractor,
           index::StampReader* stamps, index::RunChanges* changes, double* entity_seconds,
           index::DictionarySampler* sampler)
      : pool_(
            threads, kWindowPerThread * std::max(1, threads), kInFlightBytes,
            [=](ingest::RawArticle&& raw) {
              Observed o;
              o.article = segment::BuildArticle(std::move(raw));
              if (extractor) {
                auto t0 = Clock::now();
                o.evidence = extractor->Evidence(o.article);
                o.entity_seconds = SecondsSince(t0);
              }
              return o;
            },
            [=](Observed&& o) {
              if (extractor) extractor->Observe(*o.evidence);
              *entity_seconds += o.entity_seconds;
              classifier->Observe(o.article);
              if (sampler) sampler->Add(o.article);
              if (changes) {
                const bool unchanged =
                    stamps->IsUnchanged(o.article.id, o.article.source.content_hash);
                changes->Saw(o.article, o.evidence ? &*o.evidence : nullptr, unchanged);
              }
            }) {}
  void OnArticle(ingest::RawArticle&& raw) override {
    const size_t bytes = raw.text.size();
    pool_.Push(std::move(raw), bytes);
  }
  void OnSkip(const ingest::Skip&) override {}
  void Finish() { pool_.Finish(); }

 private:
  index::OrderedPool<ingest::RawArticle, Observed> pool_;
};

// An article as the workers hand it to the writer.
struct Prepared {
  Article article;
  std::optional<index::BuiltArticle> built;  // empty in a dry run
  size_t text_bytes = 0;
  double entity_seconds = 0;
};

// Second pass. The walk (this visitor, on the calling thread) drops
// duplicates and unchanged articles; workers build each article and its
// document; the writer thread puts them in reading order.
class Pipeline : public ingest::Visitor {
 public:
  // |prune_stale|: the index held articles before this run.
  Pipeline(const IndexOptions& options, index::Writer* writer, index::StampReader* stamps,
           bool prune_stale, segment::BoilerplateClassifier* classifier,
           const entities::Extractor* extractor, IndexStats* stats, int threads)
      : options_(options),
        writer_(writer),
        stamps_(stamps),
        stats_(stats),
        prune_stale_(prune_stale),
        pool_(
            threads, kWindowPerThread * std::max(1, threads), kInFlightBytes,
            [=, &options,
             dictionary = writer ? writer->Dictionary() : nullptr](ingest::RawArticle&& raw) {
              return Prepare(options, *classifier, *extractor, writer != nullptr, dictionary,
                             std::move(raw));
            },
            [this](Prepared&& p) { Write(std::move(p)); }) {}

  void OnArticle(ingest::RawArticle&& raw) override {
    if (failed_) return;
    // One id read twice in a run (two archive members with the same name)
    // would replace itself back and forth on every run: the first is kept.
    // By the hash that is the article's key (index::ArticleKey prints it).
    if (!seen_keys_.Insert(ingest::ContentHash(raw.id))) {
      OnSkip({raw.id, "duplicate id: read twice in this run; the first one is kept", "duplicate"});
      return;
    }
    const std::string key = index::ArticleKey(raw.id);
    if (prune_stale_) keys_by_file_[raw.source.file].insert(key);
    ++stats_->articles;
    const bool revise = revise_keys_.count(key) != 0;
    if (!revise && stamps_ && stamps_->IsUnchanged(raw.id, raw.source.content_hash)) {
      ++stats_->unchanged;
      if (options_.on_unchanged) options_.on_unchanged(raw.id);
      return;
    }
    const size_t bytes = raw.text.size();
    pool_.Push(std::move(raw), bytes);
  }

  // Unchanged articles to index again (article key -> source file), and
  // files to read for them even when unchanged.
  void Revise(const std::map<std::string, std::string>& affected) {
    for (const auto& [key, file] : affected) {
      revise_keys_.insert(key);
      revise_files_.insert(file);
    }
  }

  // Waits for the writer to have put every article; its first error, if any.
  Status Finish() {
    pool_.Finish();
    return status_;
  }

  // A file whose size, mtime and inode are what the index remembers is not
  // read: its articles stay as they are.
  bool Unchanged(const std::string& path, const struct stat& st) override {
    if (prune_stale_) walked_.Insert(ingest::ContentHash(path));
    // The stamp is compared only where an index remembers files: a first
    // build keeps the stat values (ReadFiles) and makes no record here.
    const std::string stored = stamps_ ? stamps_->FileRecordOf(path) : std::string();
    if (stamps_ && index::FileRecordStamp(stored) == RecordOf(path, st) &&
        !revise_files_.count(path)) {
      // Unchanged, and as bad as it was: its skips again, not read again.
      for (auto& s : index::FileRecordSkips(stored))
        OnSkip({std::move(s.where), std::move(s.reason), std::move(s.category)});
      const int64_t n = stamps_->ArticlesOf(path);
      stats_->articles += n;
      stats_->unchanged += n;
      if (options_.on_unchanged) options_.on_unchanged(path);
      return true;
    }
    // A file modified in the last moments may change again within the same
    // mtime tick without its size, mtime or inode moving: it is read now
    // but not remembered, so the next run reads it again (and re-indexes
    // it only if its content changed).
    const int64_t mtime_ns = st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    if (mtime_ns >= racy_after_ns_) {
      racy_files_.push_back(path);
    } else {
      read_files_.Add(path, static_cast<uint64_t>(st.st_size), mtime_ns,
                      static_cast<uint64_t>(st.st_ino));
    }
    return false;
  }

  void OnSkip(const ingest::Skip& skip) override {
    skipped_where_.push_back(skip);
    ++stats_->skipped;
    ++stats_->skipped_by_reason[skip.category.empty() ? "other" : skip.category];
    if (options_.on_skip) options_.on_skip(skip.where, skip.reason);
  }

  const Status& status() const { return status_; }

  // After the walk: removes what earlier runs indexed and the bundle no
  // longer holds — lines or members gone from a file read cleanly this run,
  // and files gone from the directories given — so a re-run ends as a clean
  // rebuild would. A file with any skip this run keeps all it had: bad input
  // never loses what was indexed before.
  Status Prune(const std::vector<std::string>& directories) {
    auto damaged = [&](const std::string& file) {
      std::vector<index::RecordedSkip> skips;
      for (const auto& s : skipped_where_)
        if (s.where == file || s.where.rfind(file + ":", 0) == 0)
          skips.push_back({s.where, s.reason, s.category});
      return skips;
    };
    // What the files read this run were, so the next run can leave them
    // unread; a file with skips is remembered with them, so that while it
    // stays as it is the next run reports them again without reading it.
    for (const auto& file : racy_files_) writer_->ForgetFile(file);
    read_files_.ForEach([&](const std::string& file, const std::string& record) {
      writer_->RecordFile(file, index::FileRecordWithSkips(record, damaged(file)));
    });
    // The writer has them.
    read_files_.Clear();
    std::vector<std::string>().swap(racy_files_);
    for (const auto& [file, keys] : keys_by_file_) {
      if (!damaged(file).empty()) continue;
      auto removed = writer_->RemoveStale(file, keys);
      if (!removed.ok()) return removed.status();
      stats_->removed += *removed;
    }
    auto removed = writer_->RemoveVanished(directories, walked_);
    if (!removed.ok()) return removed.status();
    stats_->removed += *removed;
    return Status::Ok();
  }

 private:
  // On a worker thread. Classify only reads the classifier once a first pass
  // counted the bundle; without one it counts, and runs inline (0 threads).
  static Prepared Prepare(const IndexOptions& options, segment::BoilerplateClassifier& classifier,
                          const entities::Extractor& extractor, bool build,
                          const index::DataDictionary* dictionary, ingest::RawArticle&& raw) {
    Prepared p;
    p.article = segment::BuildArticle(std::move(raw));
    classifier.Classify(p.article);
    // After classification: boilerplate (a comment form, an agency line) is
    // often in another language than the story.
    p.article.language = std::string(text::ArticleLanguage(p.article));
    if (options.extract_entities) {
      auto t0 = Clock::now();
      extractor.Extract(p.article);
      p.entity_seconds = SecondsSince(t0);
      p.article.quotes = quotes::FindQuotes(p.article);
    }
    p.text_bytes = p.article.title.size();
    for (const auto& para : p.article.paragraphs) p.text_bytes += para.text.size();
    if (build) p.built = index::BuildDocument(p.article, dictionary);
    return p;
  }

  // On the writer thread, in reading order.
  void Write(Prepared&& p) {
    if (!status_.ok()) return;
    stats_->paragraphs += static_cast<int64_t>(p.article.paragraphs.size());
    stats_->entity_seconds += p.entity_seconds;
    if (options_.on_article) options_.on_article(p.article);
    if (!writer_ || !p.built) return;
    // Read-only while the walk runs (Revise comes before it).
    const bool revised = revise_keys_.count(index::ArticleKey(p.article.id)) != 0;
    auto outcome = writer_->Put(std::move(*p.built), p.text_bytes);
    if (!outcome.ok()) {
      status_ = outcome.status();
      failed_ = true;
      return;
    }
    if (revised) {
      ++stats_->revised;
    } else if (*outcome == index::PutOutcome::kAdded) {
      ++stats_->added;
    } else {
      ++stats_->updated;
    }
  }

  const IndexOptions& options_;
  index::Writer* writer_;
  index::StampReader* stamps_;
  IndexStats* stats_;
  Status status_;                    // written by the writer thread only
  std::atomic<bool> failed_{false};  // read by the walk: stop feeding a failed writer
  ingest::HashedSet seen_keys_;
  // The article keys each file gave this run, to remove what it gave an
  // earlier run and no longer does (kept only when there was one).
  bool prune_stale_ = false;
  std::map<std::string, std::unordered_set<std::string>> keys_by_file_;
  std::vector<ingest::Skip> skipped_where_;
  // The files the walk met (by ContentHash of the path), which exist: only
  // the others are looked for on the disk when pruning vanished files.
  ingest::HashedSet walked_;
  // The files read this run, for the next run to leave unread (2.5 MB for
  // the mix's 86,000 files, where a pair of strings a file took 25 MB); and
  // the files modified in the last moments, not to be remembered.
  index::ReadFiles read_files_;
  std::vector<std::string> racy_files_;
  // Files modified after this (the run's start less a margin for coarse
  // file-system clocks) are not remembered as read.
  const int64_t racy_after_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count() -
                                 kRacyMarginNs;
  std::unordered_set<std::string> revise_keys_;
  std::set<std::string> revise_files_;
  // Last member: its threads stop (Finish) before the state above goes.
  index::OrderedPool<ingest::RawArticle, Prepared> pool_;
};

// Walks |inputs| reading nothing: true when some file's size, mtime or
// inode differs from what the index remembers (or it has no record).
bool AnyFileChanged(const std::vector<std::string>& inputs, const ingest::IngestOptions& options,
                    index::StampReader* stamps) {
  class Probe : public ingest::Visitor {
   public:
    explicit Probe(index::StampReader* stamps) : stamps_(stamps) {}
    void OnArticle(ingest::RawArticle&&) override {}
    void OnSkip(const ingest::Skip&) override {}
    bool Unchanged(const std::string& path, const struct stat& st) override {
      changed =
          changed || index::FileRecordStamp(stamps_->FileRecordOf(path)) != RecordOf(path, st);
      walked.Insert(ingest::ContentHash(path));
      return true;  // never read
    }
    bool changed = false;
    ingest::HashedSet walked;  // the files the walk met, which exist

   private:
    index::StampReader* stamps_;
  } probe(stamps);
  (void)ingest::Walk(inputs, options, probe);
  if (probe.changed) return true;
  // A file gone from an input directory changes the bundle too.
  namespace fs = std::filesystem;
  const Xapian::Database& db = stamps->db();
  for (auto k = db.metadata_keys_begin(index::kFileRecordPrefix);
       k != db.metadata_keys_end(index::kFileRecordPrefix); ++k) {
    const std::string file = index::FileRecordPath(db.get_metadata(*k));
    std::error_code ec;
    if (file.empty() || probe.walked.Contains(ingest::ContentHash(file)) ||
        fs::exists(fs::symlink_status(file, ec)))
      continue;
    for (const auto& in : inputs)
      if (file.size() > in.size() && file.compare(0, in.size(), in) == 0 && file[in.size()] == '/')
        return true;
  }
  return false;
}

std::string IsoTime(std::time_t t) {
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The run as the index remembers it (Writer::RecordRun; nsearch-index --stats).
std::string RunRecord(const IndexStats& s, std::time_t start,
                      const std::vector<std::string>& inputs) {
  nlohmann::json skipped = nlohmann::json::object();
  for (const auto& [reason, n] : s.skipped_by_reason) skipped[reason] = n;
  nlohmann::json j = {
      {"start", IsoTime(start)}, {"end", IsoTime(std::time(nullptr))},
      {"seconds", s.seconds},    {"result", s.skipped > 0 ? "skipped inputs" : "ok"},
      {"articles", s.articles},  {"added", s.added},
      {"updated", s.updated},    {"unchanged", s.unchanged},
      {"removed", s.removed},    {"revised", s.revised},
      {"skipped", s.skipped},    {"skipped_by_reason", skipped}};
  j["inputs"] = inputs;  // the bundles, for --stats
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Result<IndexStats> RunIndexer(const IndexOptions& options) {
  const auto start = Clock::now();
  const std::time_t start_time = std::time(nullptr);
  IndexStats stats;
  // Checked before the index is created: a bad input leaves nothing behind.
  auto prepared = ingest::PrepareInputs(options.inputs, options.dry_run ? "" : options.index_path);
  if (!prepared.ok()) return prepared.status();
  const std::vector<std::string> inputs = std::move(prepared.value());
  std::unique_ptr<index::Writer> writer;
  if (!options.dry_run) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(options.index_path).parent_path(),
                                        ec);
    index::WriterOptions writer_options;
    writer_options.commit_every = options.commit_every;
    writer_options.shard_by = options.shard_by;
    writer_options.bundles = inputs;
    auto opened = index::OpenWriterWaiting(options.index_path, writer_options,
                                           options.lock_wait_seconds, options.on_lock_wait);
    if (!opened.ok()) return opened.status();
    writer = std::move(opened.value());
  }
  const ingest::IngestOptions& ingest_options = options;
  index::ProgressCounter progress(options, inputs);
  segment::BoilerplateClassifier classifier;
  entities::Extractor extractor;
  // Classification is read-only (so thread-safe) once a first pass counted
  // the bundle; without one it counts as it goes, in reading order.
  const int threads = options.bundle_pass ? WorkerThreads(options) : 0;
  std::unique_ptr<index::StampReader> stamps;
  if (writer) stamps = index::StampReader::Open(options.index_path);
  // Articles an earlier run indexed, which this run may revise or prune; a
  // first build has none, and keeps no record for either (the run's lines
  // and names, every file's article keys: tens of MB on a big bundle).
  const bool earlier_articles = stamps && stamps->db().get_doccount() > 0;
  // The bundle pass counts what the articles to (re)index are judged by; a
  // run in which no file changed has none, and reads nothing at all.
  std::vector<std::string> directories;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(in, ec)) directories.push_back(in);
  }
  std::map<std::string, std::string> affected;
  if (options.bundle_pass && (!stamps || AnyFileChanged(inputs, ingest_options, stamps.get()))) {
    std::optional<index::RunChanges> changes;
    if (earlier_articles)
      changes.emplace(stamps->db(), options.extract_entities ? &extractor : nullptr);
    // An index without a data dictionary gets one from this pass's articles.
    std::optional<index::DictionarySampler> sampler;
    if (writer && !writer->Dictionary()) sampler.emplace();
    Observer observer(threads, &classifier, options.extract_entities ? &extractor : nullptr,
                      stamps.get(), changes ? &*changes : nullptr, &stats.entity_seconds,
                      sampler ? &*sampler : nullptr);
    progress.Start(IndexProgress::Phase::kCounting);
    index::CountingVisitor counted(&observer, &progress);
    (void)ingest::Walk(inputs, ingest_options, counted);
    observer.Finish();
    if (sampler) writer->AdoptDictionary(sampler->Train());
    if (changes) {
      changes->FindGone(directories);
      affected = changes->Affected(classifier);
    }
  }
  Pipeline pipeline(options, writer.get(), stamps.get(), earlier_articles, &classifier, &extractor,
                    &stats, threads);
  pipeline.Revise(affected);
  progress.Start(IndexProgress::Phase::kIndexing, &stats.articles);
  index::CountingVisitor counted(&pipeline, &progress);
  (void)ingest::Walk(inputs, ingest_options, counted);
  progress.Start(IndexProgress::Phase::kFinishing);
  if (Status s = pipeline.Finish(); !s.ok()) return s;
  if (writer) {
    Status pruned = pipeline.Prune(directories);
    if (!pruned.ok()) return pruned;
    const bool changed = stats.added + stats.updated + stats.revised + stats.removed > 0;
    stats.seconds = SecondsSince(start);
    writer->RecordRun(RunRecord(stats, start_time, inputs));
    Status finished = writer->Finish(changed);
    if (!finished.ok()) return finished;
    // The dictionary's copy that searches read (index/data_dictionary.h); an
    // index without it reads as before, so failing to write it fails nothing.
    if (const index::DataDictionary* d = writer->Dictionary())
      if (Status s = index::WriteDictionaryFile(options.index_path, *d); !s.ok())
        spdlog::debug("{}", s.message());
  }
  stats.seconds = SecondsSince(start);
  return stats;
}

}  // namespace nsearch
