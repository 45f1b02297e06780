// RunIndexer: the indexing pipeline, ingest -> segment -> boilerplate ->
// entities -> writer, one article at a time so memory stays bounded by the
// largest article, not the bundle.
#include "nsearch/indexer.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <unordered_set>

#include "entities/extractor.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/writer.h"
#include "ingest/inputs.h"
#include "ingest/source.h"
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

// First pass: reads every article once, to count the lines repeated across
// the bundle (see BoilerplateClassifier::Observe) and, when entities are
// extracted, to collect the persons the bundle names in full
// (Extractor::Observe; before classification, so from body-shaped paragraphs).
// Skips are reported by the second pass.
class Observer : public ingest::Visitor {
 public:
  Observer(segment::BoilerplateClassifier* classifier, entities::Extractor* extractor,
           double* entity_seconds)
      : classifier_(classifier), extractor_(extractor), entity_seconds_(entity_seconds) {}
  void OnArticle(ingest::RawArticle&& raw) override {
    Article article = segment::BuildArticle(std::move(raw));
    if (extractor_) {
      auto t0 = Clock::now();
      extractor_->Observe(article);
      *entity_seconds_ += SecondsSince(t0);
    }
    classifier_->Observe(std::move(article));
  }
  void OnSkip(const ingest::Skip&) override {}

 private:
  segment::BoilerplateClassifier* classifier_;
  entities::Extractor* extractor_;
  double* entity_seconds_;
};

class Pipeline : public ingest::Visitor {
 public:
  Pipeline(const IndexOptions& options, index::Writer* writer,
           segment::BoilerplateClassifier* classifier, const entities::Extractor* extractor,
           IndexStats* stats)
      : options_(options),
        writer_(writer),
        stats_(stats),
        classifier_(*classifier),
        extractor_(*extractor) {}

  void OnArticle(ingest::RawArticle&& raw) override {
    if (!status_.ok()) return;
    // One id read twice in a run (two archive members with the same name)
    // would replace itself back and forth on every run: the first is kept.
    const std::string key = index::ArticleKey(raw.id);
    if (!seen_keys_.insert(key).second) {
      OnSkip({raw.id, "duplicate id: read twice in this run; the first one is kept", "duplicate"});
      return;
    }
    keys_by_file_[raw.source.file].insert(key);
    ++stats_->articles;
    if (writer_ && writer_->IsUnchanged(raw.id, raw.source.content_hash)) {
      ++stats_->unchanged;
      if (options_.on_unchanged) options_.on_unchanged(raw.id);
      return;
    }
    Article article = segment::BuildArticle(std::move(raw));
    classifier_.Classify(article);
    if (options_.extract_entities) {
      auto t0 = Clock::now();
      extractor_.Extract(article);
      stats_->entity_seconds += SecondsSince(t0);
    }
    stats_->paragraphs += static_cast<int64_t>(article.paragraphs.size());
    if (options_.on_article) options_.on_article(article);
    if (!writer_) return;
    size_t text_bytes = article.title.size();
    for (const auto& p : article.paragraphs) text_bytes += p.text.size();
    auto outcome = writer_->Put(index::BuildDocument(article), text_bytes);
    if (!outcome.ok()) {
      status_ = outcome.status();
      return;
    }
    if (*outcome == index::PutOutcome::kAdded) ++stats_->added;
    if (*outcome == index::PutOutcome::kUpdated) ++stats_->updated;
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
  const IndexOptions& options_;
  index::Writer* writer_;
  IndexStats* stats_;
  segment::BoilerplateClassifier& classifier_;
  const entities::Extractor& extractor_;
  Status status_;
  std::unordered_set<std::string> seen_keys_;
  std::map<std::string, std::unordered_set<std::string>> keys_by_file_;
  std::vector<std::string> skipped_where_;
};

}  // namespace

Result<IndexStats> RunIndexer(const IndexOptions& options) {
  const auto start = Clock::now();
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
  if (options.bundle_pass) {
    Observer observer(&classifier, options.extract_entities ? &extractor : nullptr,
                      &stats.entity_seconds);
    (void)ingest::Walk(inputs, ingest_options, observer);
  }
  Pipeline pipeline(options, writer.get(), &classifier, &extractor, &stats);
  (void)ingest::Walk(inputs, ingest_options, pipeline);
  if (!pipeline.status().ok()) return pipeline.status();
  if (writer) {
    std::vector<std::string> directories;
    for (const auto& in : inputs) {
      std::error_code ec;
      if (std::filesystem::is_directory(in, ec)) directories.push_back(in);
    }
    Status pruned = pipeline.Prune(directories);
    if (!pruned.ok()) return pruned;
    const bool changed = stats.added + stats.updated + stats.removed > 0;
    Status finished = writer->Finish(changed);
    if (!finished.ok()) return finished;
  }
  stats.seconds = SecondsSince(start);
  return stats;
}

}  // namespace nsearch
