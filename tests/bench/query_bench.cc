// In-process query latency: opens an index once with nsearch::Searcher, runs
// every query of a file (one a line; blank lines and '#' lines skipped)
// several times and prints the per-query median's p50 / p99 / mean in
// microseconds on one line, for tests/bench/speed.sh:
//
//   queries=200 passes=5 facets=0 p50_us=812 p99_us=4210 mean_us=1033 errors=0 empty=3
//
// The first pass warms the caches and is not counted. A query the searcher
// rejects counts as an error (exit 1 when any); no results is not an error.
#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "nsearch/searcher.h"

namespace po = boost::program_options;

namespace {

std::vector<std::string> ReadQueries(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

// Nearest-rank percentile of a sorted vector.
double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(p / 100.0 * sorted.size() + 0.999999);
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

int main(int argc, char** argv) {
  std::string index, queries_path;
  int passes = 5, limit = 10;
  bool facets = false, all_copies = false;
  po::options_description desc(
      "Usage: nsearch-query-bench --index DIR --queries FILE [--passes N] [--limit N] "
      "[--facets] [--all-copies]\nOptions");
  desc.add_options()("help,h", "show this help")("index,i", po::value(&index)->required(),
                                                 "index directory")(
      "queries", po::value(&queries_path)->required(), "one query a line")(
      "passes", po::value(&passes)->default_value(5), "timed passes (plus one warm-up)")(
      "limit,n", po::value(&limit)->default_value(10), "articles per query")(
      "facets", po::bool_switch(&facets), "also count entity facets")(
      "all-copies", po::bool_switch(&all_copies), "no grouping of copies (--all-copies)");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    if (vm.count("help")) {
      std::cout << desc << "\n";
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "nsearch-query-bench: " << e.what() << "\n" << desc << "\n";
    return 2;
  }
  std::vector<std::string> queries = ReadQueries(queries_path);
  if (queries.empty() || passes < 1) {
    std::cerr << "nsearch-query-bench: no queries in " << queries_path << "\n";
    return 2;
  }
  auto searcher = nsearch::Searcher::Open(index);
  if (!searcher.ok()) {
    std::cerr << "nsearch-query-bench: " << searcher.status().message() << "\n";
    return 2;
  }

  // times[q][pass] in microseconds
  std::vector<std::vector<double>> times(queries.size());
  int errors = 0, empty = 0;
  for (int pass = 0; pass <= passes; ++pass) {
    for (size_t q = 0; q < queries.size(); ++q) {
      nsearch::SearchOptions opts;
      opts.query = queries[q];
      opts.limit = limit;
      opts.facets = facets;
      opts.all_copies = all_copies;
      auto start = std::chrono::steady_clock::now();
      auto response = (*searcher)->Search(opts);
      auto end = std::chrono::steady_clock::now();
      if (pass == 0) {
        if (!response.ok()) {
          ++errors;
          std::cerr << "nsearch-query-bench: query '" << queries[q]
                    << "': " << response.status().message() << "\n";
        } else if (response->hits.empty()) {
          ++empty;
        }
        continue;
      }
      times[q].push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
  }
  std::vector<double> medians;
  double sum = 0;
  for (auto& t : times) {
    std::sort(t.begin(), t.end());
    medians.push_back(t[t.size() / 2]);
    sum += medians.back();
  }
  std::sort(medians.begin(), medians.end());
  std::printf(
      "queries=%zu passes=%d facets=%d p50_us=%.0f p99_us=%.0f mean_us=%.0f errors=%d empty=%d\n",
      queries.size(), passes, facets ? 1 : 0, Percentile(medians, 50), Percentile(medians, 99),
      sum / medians.size(), errors, empty);
  return errors ? 1 : 0;
}
