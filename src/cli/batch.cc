#include "cli/batch.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "cli/common.h"
#include "cli/render.h"

namespace nsearch::cli {
namespace {

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The column of a CSV header named "query", or -1.
int QueryColumn(const std::string& header, bool csv_name) {
  std::vector<std::string> fields;
  std::string error;
  if (!SplitCsv(header, &fields, &error) || (fields.size() < 2 && !csv_name)) return -1;
  for (size_t i = 0; i < fields.size(); ++i)
    if (Lower(Trim(fields[i])) == "query") return static_cast<int>(i);
  return -1;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string TsvField(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

struct Row {
  const BatchQuery& q;
  const Hit& hit;
  std::string passage;
};

std::string FormatRow(const Row& r, BatchFormat format) {
  char score[32];
  std::snprintf(score, sizeof score, "%.4f", r.hit.score);
  if (format == BatchFormat::kJsonl) {
    nlohmann::json j = {{"query", r.q.query},           {"rank", r.hit.rank},
                        {"path", r.hit.path},           {"title", r.hit.title},
                        {"paragraph", r.hit.paragraph}, {"score", r.hit.score},
                        {"passage", r.passage},         {"line", r.q.line}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  const std::vector<std::string> fields = {r.q.query,   std::to_string(r.hit.rank),      r.hit.path,
                                           r.hit.title, std::to_string(r.hit.paragraph), score,
                                           r.passage,   std::to_string(r.q.line)};
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += format == BatchFormat::kCsv ? "," : "\t";
    out += format == BatchFormat::kCsv ? CsvField(fields[i]) : TsvField(fields[i]);
  }
  return out + "\n";
}

constexpr char kHeader[] = "query,rank,path,title,paragraph,score,passage,line";

}  // namespace

bool ParseBatchFormat(std::string_view name, BatchFormat* format) {
  if (name == "csv") return *format = BatchFormat::kCsv, true;
  if (name == "tsv") return *format = BatchFormat::kTsv, true;
  if (name == "jsonl" || name == "json") return *format = BatchFormat::kJsonl, true;
  return false;
}

bool SplitCsv(std::string_view line, std::vector<std::string>* fields, std::string* error) {
  fields->assign(1, "");
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields->back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields->back() += c;
      }
    } else if (c == '"' && Trim(fields->back()).empty()) {
      fields->back().clear();
      quoted = true;
    } else if (c == ',') {
      fields->emplace_back();
    } else if (c != '\r') {
      fields->back() += c;
    }
  }
  if (quoted) *error = "unterminated quoted field";
  return !quoted;
}

BatchInput ReadBatch(std::istream& in, bool csv_name) {
  BatchInput out;
  std::string line;
  int number = 0, column = -1;
  bool first = true;
  while (std::getline(in, line)) {
    ++number;
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    if (first) {
      first = false;
      column = QueryColumn(trimmed, csv_name);
      if (column >= 0) continue;  // the header
    }
    if (column < 0) {
      out.queries.push_back({number, trimmed});
      continue;
    }
    std::vector<std::string> fields;
    std::string error;
    if (!SplitCsv(line, &fields, &error)) {
      out.bad.push_back("line " + std::to_string(number) + ": " + error);
    } else if (static_cast<int>(fields.size()) <= column) {
      out.bad.push_back("line " + std::to_string(number) + ": no query column (" +
                        std::to_string(fields.size()) + " fields)");
    } else if (std::string q = Trim(fields[column]); q.empty()) {
      out.bad.push_back("line " + std::to_string(number) + ": empty query");
    } else {
      out.queries.push_back({number, std::move(q)});
    }
  }
  return out;
}

namespace {

// What one query printed: its rows, or the line saying why it could not run.
struct Answer {
  std::string rows, error;
  int64_t hits = 0;
};

Answer RunOne(Searcher& searcher, const BatchQuery& q, BatchFormat format,
              const SearchOptions& base) {
  Answer a;
  SearchOptions o = base;
  o.query = q.query;
  o.suggest = false;  // rows answer the query as written, never a correction of it
  auto r = searcher.Search(o);
  if (!r.ok()) {
    // A filter that matches nobody is a query without hits, not a bad line.
    if (r.status().code() != StatusCode::kNotFound)
      a.error = "line " + std::to_string(q.line) + ": " + r.status().message();
    return a;
  }
  for (const Hit& h : r->hits)
    a.rows += FormatRow({q, h, Excerpt(h.text, h.highlights, 320, "[", "]")}, format);
  a.hits = static_cast<int64_t>(r->hits.size());
  return a;
}

// Runs the queries on |threads| workers, each with a Searcher of its own,
// and hands the answers to |print| in the queries' order as they are ready.
// At most kWindow queries run ahead of the printing. An index that cannot be
// opened is the Status returned.
Status RunAll(const SearcherFactory& open, const std::vector<BatchQuery>& queries,
              BatchFormat format, const SearchOptions& base, int threads,
              const std::function<void(const Answer&)>& print) {
  constexpr size_t kWindow = 256;
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (int i = 0; i < threads; ++i) {
    auto s = open();
    if (!s.ok()) return s.status();
    searchers.push_back(std::move(s.value()));
  }
  std::vector<std::optional<Answer>> answers(queries.size());
  std::mutex mu;
  std::condition_variable ready, room;
  size_t next = 0, printed = 0;
  std::vector<std::thread> workers;
  for (auto& searcher : searchers) {
    workers.emplace_back([&, s = searcher.get()] {
      for (;;) {
        size_t i;
        {
          std::unique_lock<std::mutex> lock(mu);
          room.wait(lock, [&] { return next >= queries.size() || next < printed + kWindow; });
          if (next >= queries.size()) return;
          i = next++;
        }
        Answer a = RunOne(*s, queries[i], format, base);
        std::lock_guard<std::mutex> lock(mu);
        answers[i] = std::move(a);
        ready.notify_one();
      }
    });
  }
  for (; printed < queries.size();) {
    std::unique_lock<std::mutex> lock(mu);
    ready.wait(lock, [&] { return answers[printed].has_value(); });
    Answer a = std::move(*answers[printed]);
    answers[printed].reset();
    ++printed;
    room.notify_all();
    lock.unlock();
    print(a);
  }
  for (auto& w : workers) w.join();
  return Status::Ok();
}

}  // namespace

int RunBatch(const SearcherFactory& open, const std::string& file, BatchFormat format,
             const SearchOptions& base, bool quiet, int threads) {
  std::ifstream in_file;
  if (file != "-") {
    in_file.open(file);
    if (!in_file) {
      std::cerr << "nsearch: cannot read the batch file " << OneLine(file) << "\n";
      return kExitError;
    }
  }
  std::istream& in = file == "-" ? std::cin : in_file;
  const bool csv_name = file.size() > 4 && Lower(file.substr(file.size() - 4)) == ".csv";
  BatchInput input = ReadBatch(in, csv_name);
  for (const auto& bad : input.bad) std::cerr << "nsearch: " << OneLine(bad) << "\n";
  if (input.queries.empty()) {
    std::cerr << "nsearch: no query in the batch file " << OneLine(file) << "\n";
    return kExitError;
  }
  if (format != BatchFormat::kJsonl) {
    std::string header = kHeader;
    if (format == BatchFormat::kTsv) std::replace(header.begin(), header.end(), ',', '\t');
    std::cout << header << "\n";
  }
  if (threads <= 0)
    threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  threads = std::min<int>(threads, static_cast<int>(input.queries.size()));
  int64_t with_hits = 0, rows = 0;
  size_t bad = input.bad.size();
  Status s = RunAll(open, input.queries, format, base, threads, [&](const Answer& a) {
    if (!a.error.empty()) {
      std::cerr << "nsearch: " << OneLine(a.error) << "\n";
      ++bad;
    }
    with_hits += a.hits > 0;
    rows += a.hits;
    std::cout << a.rows << std::flush;  // rows stream as each query finishes
  });
  if (!s.ok()) {
    std::cerr << "nsearch: " << OneLine(s.message()) << "\n";
    return kExitError;
  }
  if (!quiet)
    spdlog::info("{} queries, {} with results, {} rows, {} bad line{}", input.queries.size(),
                 with_hits, rows, bad, bad == 1 ? "" : "s");
  return with_hits > 0 && bad == 0 ? kExitOk : kExitNoResults;
}

}  // namespace nsearch::cli
