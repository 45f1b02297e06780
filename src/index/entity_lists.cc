#include "index/entity_lists.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>
#include <string_view>

#include "index/schema.h"

namespace nsearch::index {
namespace {

constexpr int kFormat = 1;
constexpr EntityType kTypes[] = {EntityType::kPerson, EntityType::kPlace, EntityType::kOrg};

bool ParseCount(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

void SetIfChanged(Xapian::WritableDatabase& out, const std::string& key, const std::string& value) {
  if (out.get_metadata(key) != value) out.set_metadata(key, value);
}

// Removes every list key of |out| but the header and |keep|.
void RemovePages(Xapian::WritableDatabase& out, const std::set<std::string>& keep) {
  const std::string prefix = std::string(kEntityListsKey) + ".";
  std::vector<std::string> gone;
  for (auto k = out.metadata_keys_begin(prefix); k != out.metadata_keys_end(prefix); ++k)
    if (!keep.count(*k)) gone.push_back(*k);
  for (const auto& k : gone) out.set_metadata(k, "");  // "" deletes
}

// True when no article is in two of |all|'s databases: each article key
// term has one document.
bool OneDocumentPerArticle(const Xapian::Database& all) {
  if (all.size() <= 1) return true;
  const std::string prefix(kPrefixArticle);
  for (auto t = all.allterms_begin(prefix); t != all.allterms_end(prefix); ++t)
    if (t.get_termfreq() != 1) return false;
  return true;
}

}  // namespace

std::vector<uint32_t> ListOrder(const std::vector<NameCount>& names, size_t wanted) {
  wanted = std::min(wanted, names.size());
  std::vector<uint32_t> order(names.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto before = [&](uint32_t a, uint32_t b) {
    return names[a].second != names[b].second ? names[a].second > names[b].second : a < b;
  };
  // A total order: sorting all or some gives the same first |wanted|.
  if (wanted == order.size())
    std::sort(order.begin(), order.end(), before);
  else
    std::partial_sort(order.begin(), order.begin() + wanted, order.end(), before);
  order.resize(wanted);
  return order;
}

void WriteEntityLists(const Xapian::Database& all, Xapian::WritableDatabase& out) {
  bool storable = OneDocumentPerArticle(all);
  EntityListsHeader header;
  header.docs = all.get_doccount();
  header.length = all.get_total_length();
  std::set<std::string> written;
  std::vector<std::pair<std::string, std::string>> pages;  // key, value
  for (EntityType type : kTypes) {
    if (!storable) break;
    const std::string prefix(EntityPrefix(type));
    // Term suffixes (what a page stores) and counts, in term order.
    std::vector<NameCount> terms;
    for (auto t = all.allterms_begin(prefix); t != all.allterms_end(prefix); ++t) {
      std::string rest = (*t).substr(prefix.size());
      if (rest.find('\n') != std::string::npos) storable = false;
      terms.emplace_back(std::move(rest), static_cast<int>(t.get_termfreq()));
    }
    header.names[static_cast<int>(type)] = terms.size();
    const auto order = ListOrder(terms, terms.size());
    for (size_t page = 0; page * kEntityListPageSize < order.size(); ++page) {
      std::string value;
      const size_t end = std::min(order.size(), (page + 1) * kEntityListPageSize);
      for (size_t i = page * kEntityListPageSize; i < end; ++i) {
        const auto& [rest, count] = terms[order[i]];
        value += std::to_string(count) + "\t" + rest + "\n";
      }
      pages.emplace_back(EntityListPageKey(type, page), std::move(value));
    }
  }
  if (!storable) {
    out.set_metadata(kEntityListsKey, "");
    RemovePages(out, {});
    return;
  }
  for (const auto& [key, value] : pages) {
    SetIfChanged(out, key, value);
    written.insert(key);
  }
  RemovePages(out, written);
  std::ostringstream h;
  h << kFormat << " " << header.docs << " " << header.length;
  for (uint64_t n : header.names) h << " " << n;
  SetIfChanged(out, kEntityListsKey, h.str());
}

std::optional<EntityListsHeader> ReadEntityListsHeader(const Xapian::Database& db) {
  const std::string value = db.get_metadata(kEntityListsKey);
  std::vector<std::string_view> fields;
  std::string_view rest = value;
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    fields.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  uint64_t format = 0;
  EntityListsHeader h;
  if (fields.size() != 6 || !ParseCount(fields[0], &format) || format != kFormat ||
      !ParseCount(fields[1], &h.docs) || !ParseCount(fields[2], &h.length))
    return std::nullopt;
  for (int i = 0; i < 3; ++i)
    if (!ParseCount(fields[3 + i], &h.names[i])) return std::nullopt;
  return h;
}

namespace {

std::optional<std::vector<std::pair<std::string, int>>> ReadPages(const Xapian::Database& db,
                                                                  const EntityListsHeader& header,
                                                                  EntityType type, size_t wanted) {
  const uint64_t names = header.names[static_cast<int>(type)];
  if (wanted == 0 || wanted > names) wanted = names;
  const std::string prefix(EntityPrefix(type));
  std::vector<std::pair<std::string, int>> out;
  out.reserve(wanted);
  for (size_t page = 0; out.size() < wanted; ++page) {
    const std::string value = db.get_metadata(EntityListPageKey(type, page));
    if (value.empty()) return std::nullopt;
    std::string_view lines = value;
    while (!lines.empty() && out.size() < wanted) {
      const size_t nl = lines.find('\n');
      const std::string_view line = lines.substr(0, nl);
      lines = nl == std::string_view::npos ? std::string_view() : lines.substr(nl + 1);
      const size_t tab = line.find('\t');
      uint64_t count = 0;
      if (tab == std::string_view::npos || !ParseCount(line.substr(0, tab), &count))
        return std::nullopt;
      std::string term = prefix;
      term.append(line.substr(tab + 1));
      out.emplace_back(std::move(term), static_cast<int>(count));
    }
  }
  return out;
}

}  // namespace

std::optional<std::vector<std::pair<std::string, int>>> StoredEntityList(const Xapian::Database& db,
                                                                         EntityType type,
                                                                         size_t wanted) {
  const auto header = ReadEntityListsHeader(db);
  if (!header) return std::nullopt;
  return ReadPages(db, *header, type, wanted);
}

std::optional<std::vector<NameCount>> ReadEntityList(const Xapian::Database& db, EntityType type,
                                                     size_t wanted) {
  const auto header = ReadEntityListsHeader(db);
  // Computed over other databases than these (another index given beside
  // this one, a run publishing its shards one by one, an older writer's run
  // since): scan.
  if (!header || header->docs != db.get_doccount()) return std::nullopt;
  try {
    if (header->length != db.get_total_length()) return std::nullopt;
  } catch (const Xapian::UnimplementedError&) {
    return std::nullopt;  // a backend that cannot say: scan
  }
  auto stored = ReadPages(db, *header, type, wanted);
  if (!stored) return std::nullopt;
  std::vector<NameCount> out;
  out.reserve(stored->size());
  for (auto& [term, count] : *stored) {
    // Each name shown is still what the index counts.
    if (db.get_termfreq(term) != static_cast<Xapian::doccount>(count)) return std::nullopt;
    out.emplace_back(std::string(EntityNameOfTerm(term)), count);
  }
  return out;
}

}  // namespace nsearch::index
