#include "index/schema.h"

#include <cstdio>

#include "text/normalize.h"

namespace nsearch::index {

std::string_view FilterPrefix(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "XP";
    case EntityType::kPlace:
      return "XL";
    case EntityType::kOrg:
      return "XO";
  }
  return "XP";
}

std::string_view RecordPrefix(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "EP";
    case EntityType::kPlace:
      return "EL";
    case EntityType::kOrg:
      return "EO";
  }
  return "EP";
}

uint64_t Hash64(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string AuthorKey(std::string_view author) {
  std::string key;
  constexpr size_t kMaxAuthorKeyBytes = 200;
  for (const auto& t : text::Tokenize(author)) {
    if (key.size() + 1 + t.term.size() > kMaxAuthorKeyBytes) break;
    if (!key.empty()) key.push_back(' ');
    key += t.term;
  }
  return key;
}

std::string ArticleKey(std::string_view article_id) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Hash64(article_id)));
  return buf;
}

std::string EncodeEntities(const std::vector<Entity>& entities) {
  std::string out;
  for (const auto& e : entities) {
    out += static_cast<char>('0' + static_cast<int>(e.type));
    out += '\t';
    out += e.name;
    out += '\n';
  }
  return out;
}

std::vector<std::pair<EntityType, std::string_view>> DecodeEntities(std::string_view encoded) {
  std::vector<std::pair<EntityType, std::string_view>> out;
  while (!encoded.empty()) {
    size_t nl = encoded.find('\n');
    std::string_view line = encoded.substr(0, nl);
    encoded = nl == std::string_view::npos ? std::string_view() : encoded.substr(nl + 1);
    if (line.size() < 3 || line[1] != '\t' || line[0] < '0' || line[0] > '2') continue;
    out.emplace_back(static_cast<EntityType>(line[0] - '0'), line.substr(2));
  }
  return out;
}

}  // namespace nsearch::index
