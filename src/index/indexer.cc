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
#include <thread>
#include <unordered_set>

#include "entities/extractor.h"
#include "index/document.h"
#include "index/ordered_pool.h"
#include "index/schema.h"
#include "index/writer.h"
#include "ingest/inputs.h"
#include "ingest/source.h"
#include "quotes/quotes.h"
#include "segment/boilerplate.h"
#include "segment/segmenter.h"

namespace nsearch {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

void AppendFields(std::vector<std::string>* defaults, const std::vector<std::string>& extra) {
  defaults->insert(defaults->begin(), extra.begin(), extra.end());
}

ingest::IngestOptions ToIngestOptions(const IndexOptions& o) {
  ingest::IngestOptions in;
  in.max_file_bytes = o.max_file_bytes;
  in.max_archive_bytes = o.max_archive_bytes;
  in.max_archive_entries = o.max_archive_entries;
  in.max_compression_ratio = o.max_compression_ratio;
  AppendFields(&in.title_fields, o.jsonl_title_fields);
  AppendFields(&in.text_fields, o.jsonl_text_fields);
  AppendFields(&in.date_fields, o.jsonl_date_fields);
  AppendFields(&in.author_fields, o.jsonl_author_fields);
  AppendFields(&in.url_fields, o.jsonl_url_fields);
  AppendFields(&in.id_fields, o.jsonl_id_fields);
  return in;
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
constexpr size_t kInFlightBytes = 64u << 20;

// First pass: reads every article once, to count the lines repeated across
// the bundle (see BoilerplateClassifier::Observe) and, when entities are
// extracted, to collect the persons the bundle names in full
// (Extractor::Observe; before classification, so from body-shaped paragraphs).
// Workers segment; the observations are made in reading order on one
// thread. Skips are reported by the second pass.
class Observer : public ingest::Visitor {
 public:
  Observer(int threads, segment::BoilerplateClassifier* classifier, entities::Extractor* extractor,
           double* entity_seconds)
      : pool_(
            threads, kWindowPerThread * std::max(1, threads), kInFlightBytes,
            [](ingest::RawArticle&& raw) { return segment::BuildArticle(std::move(raw)); },
            [=](Article&& article) {
              if (extractor) {
                auto t0 = Clock::now();
                extractor->Observe(article);
                *entity_seconds += SecondsSince(t0);
              }
              classifier->Observe(article);
            }) {}
  void OnArticle(ingest::RawArticle&& raw) override {
    const size_t bytes = raw.text.size();
    pool_.Push(std::move(raw), bytes);
  }
  void OnSkip(const ingest::Skip&) override {}
  void Finish() { pool_.Finish(); }

 private:
  index::OrderedPool<ingest::RawArticle, Article> pool_;
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
  Pipeline(const IndexOptions& options, index::Writer* writer, index::StampReader* stamps,
           segment::BoilerplateClassifier* classifier, const entities::Extractor* extractor,
           IndexStats* stats, int threads)
      : options_(options),
        writer_(writer),
        stamps_(stamps),
        stats_(stats),
        pool_(
            threads, kWindowPerThread * std::max(1, threads), kInFlightBytes,
            [=, &options](ingest::RawArticle&& raw) {
              return Prepare(options, *classifier, *extractor, writer != nullptr, std::move(raw));
            },
            [this](Prepared&& p) { Write(std::move(p)); }) {}

  void OnArticle(ingest::RawArticle&& raw) override {
    if (failed_) return;
    // One id read twice in a run (two archive members with the same name)
    // would replace itself back and forth on every run: the first is kept.
    const std::string key = index::ArticleKey(raw.id);
    if (!seen_keys_.insert(key).second) {
      OnSkip({raw.id, "duplicate id: read twice in this run; the first one is kept", "duplicate"});
      return;
    }
    keys_by_file_[raw.source.file].insert(key);
    ++stats_->articles;
    if (stamps_ && stamps_->IsUnchanged(raw.id, raw.source.content_hash)) {
      ++stats_->unchanged;
      if (options_.on_unchanged) options_.on_unchanged(raw.id);
      return;
    }
    const size_t bytes = raw.text.size();
    pool_.Push(std::move(raw), bytes);
  }

  // Waits for the writer to have put every article; its first error, if any.
  Status Finish() {
    pool_.Finish();
    return status_;
  }

  void OnSkip(const ingest::Skip& skip) override {
    skipped_where_.push_back(skip.where);
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
    for (const auto& [file, keys] : keys_by_file_) {
      const bool damaged = std::any_of(
          skipped_where_.begin(), skipped_where_.end(),
          [&](const std::string& w) { return w == file || w.rfind(file + ":", 0) == 0; });
      if (damaged) continue;
      auto removed = writer_->RemoveStale(file, keys);
      if (!removed.ok()) return removed.status();
      stats_->removed += *removed;
    }
    auto removed = writer_->RemoveVanished(directories);
    if (!removed.ok()) return removed.status();
    stats_->removed += *removed;
    return Status::Ok();
  }

 private:
  // On a worker thread. Classify only reads the classifier once a first pass
  // counted the bundle; without one it counts, and runs inline (0 threads).
  static Prepared Prepare(const IndexOptions& options, segment::BoilerplateClassifier& classifier,
                          const entities::Extractor& extractor, bool build,
                          ingest::RawArticle&& raw) {
    Prepared p;
    p.article = segment::BuildArticle(std::move(raw));
    classifier.Classify(p.article);
    if (options.extract_entities) {
      auto t0 = Clock::now();
      extractor.Extract(p.article);
      p.entity_seconds = SecondsSince(t0);
      p.article.quotes = quotes::FindQuotes(p.article);
    }
    p.text_bytes = p.article.title.size();
    for (const auto& para : p.article.paragraphs) p.text_bytes += para.text.size();
    if (build) p.built = index::BuildDocument(p.article);
    return p;
  }

  // On the writer thread, in reading order.
  void Write(Prepared&& p) {
    if (!status_.ok()) return;
    stats_->paragraphs += static_cast<int64_t>(p.article.paragraphs.size());
    stats_->entity_seconds += p.entity_seconds;
    if (options_.on_article) options_.on_article(p.article);
    if (!writer_ || !p.built) return;
    auto outcome = writer_->Put(std::move(*p.built), p.text_bytes);
    if (!outcome.ok()) {
      status_ = outcome.status();
      failed_ = true;
      return;
    }
    if (*outcome == index::PutOutcome::kAdded) ++stats_->added;
    if (*outcome == index::PutOutcome::kUpdated) ++stats_->updated;
  }

  const IndexOptions& options_;
  index::Writer* writer_;
  index::StampReader* stamps_;
  IndexStats* stats_;
  Status status_;                    // written by the writer thread only
  std::atomic<bool> failed_{false};  // read by the walk: stop feeding a failed writer
  std::unordered_set<std::string> seen_keys_;
  std::map<std::string, std::unordered_set<std::string>> keys_by_file_;
  std::vector<std::string> skipped_where_;
  // Last member: its threads stop (Finish) before the state above goes.
  index::OrderedPool<ingest::RawArticle, Prepared> pool_;
};

std::string IsoTime(std::time_t t) {
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The run as the index remembers it (Writer::RecordRun; nsearch-index --stats).
std::string RunRecord(const IndexStats& s, std::time_t start) {
  nlohmann::json skipped = nlohmann::json::object();
  for (const auto& [reason, n] : s.skipped_by_reason) skipped[reason] = n;
  nlohmann::json j = {
      {"start", IsoTime(start)},     {"end", IsoTime(std::time(nullptr))},
      {"seconds", s.seconds},        {"result", s.skipped > 0 ? "skipped inputs" : "ok"},
      {"articles", s.articles},      {"added", s.added},
      {"updated", s.updated},        {"unchanged", s.unchanged},
      {"removed", s.removed},        {"skipped", s.skipped},
      {"skipped_by_reason", skipped}};
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
    auto opened = index::Writer::Open(options.index_path, writer_options);
    if (!opened.ok()) return opened.status();
    writer = std::move(opened.value());
  }
  const ingest::IngestOptions ingest_options = ToIngestOptions(options);
  segment::BoilerplateClassifier classifier;
  entities::Extractor extractor;
  // Classification is read-only (so thread-safe) once a first pass counted
  // the bundle; without one it counts as it goes, in reading order.
  const int threads = options.bundle_pass ? WorkerThreads(options) : 0;
  if (options.bundle_pass) {
    Observer observer(threads, &classifier, options.extract_entities ? &extractor : nullptr,
                      &stats.entity_seconds);
    (void)ingest::Walk(inputs, ingest_options, observer);
    observer.Finish();
  }
  std::unique_ptr<index::StampReader> stamps;
  if (writer) stamps = index::StampReader::Open(options.index_path);
  Pipeline pipeline(options, writer.get(), stamps.get(), &classifier, &extractor, &stats, threads);
  (void)ingest::Walk(inputs, ingest_options, pipeline);
  if (Status s = pipeline.Finish(); !s.ok()) return s;
  if (writer) {
    std::vector<std::string> directories;
    for (const auto& in : inputs) {
      std::error_code ec;
      if (std::filesystem::is_directory(in, ec)) directories.push_back(in);
    }
    Status pruned = pipeline.Prune(directories);
    if (!pruned.ok()) return pruned;
    const bool changed = stats.added + stats.updated + stats.removed > 0;
    stats.seconds = SecondsSince(start);
    writer->RecordRun(RunRecord(stats, start_time));
    Status finished = writer->Finish(changed);
    if (!finished.ok()) return finished;
  }
  stats.seconds = SecondsSince(start);
  return stats;
}

}  // namespace nsearch
