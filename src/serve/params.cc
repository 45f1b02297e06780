#include "serve/params.h"

#include <algorithm>

namespace nsearch::serve {
namespace {

std::vector<std::string> Values(const Params& params, const std::string& name) {
  std::vector<std::string> out;
  auto [b, e] = params.equal_range(name);
  for (auto it = b; it != e; ++it)
    if (!it->second.empty()) out.push_back(it->second);
  return out;
}

Result<bool> Switch(const Params& params, const std::string& name) {
  const std::string v = Value(params, name);
  if (v.empty() || v == "0") return false;
  if (v == "1") return true;
  return Status::InvalidArgument(name + " takes 1 or 0");
}

}  // namespace

Status CheckParams(const Params& params, std::span<const std::string_view> common,
                   std::initializer_list<std::string_view> extra) {
  if (params.size() > kMaxParams)
    return Status::InvalidArgument("too many parameters (at most " + std::to_string(kMaxParams) +
                                   ")");
  for (const auto& [name, value] : params) {
    if (std::find(common.begin(), common.end(), name) == common.end() &&
        std::find(extra.begin(), extra.end(), name) == extra.end())
      return Status::InvalidArgument("unknown parameter '" + name.substr(0, 40) + "'");
    if (value.size() > kMaxParamBytes)
      return Status::InvalidArgument("parameter " + name + " is longer than " +
                                     std::to_string(kMaxParamBytes) + " bytes");
    if (params.count(name) > kMaxRepeats)
      return Status::InvalidArgument("parameter " + name + " is repeated more than " +
                                     std::to_string(kMaxRepeats) + " times");
  }
  return Status::Ok();
}

std::string Value(const Params& params, const std::string& name) {
  auto [b, e] = params.equal_range(name);
  return b == e ? "" : std::prev(e)->second;
}

Result<int> IntValue(const Params& params, const std::string& name, int fallback, int lo, int hi) {
  const std::string v = Value(params, name);
  if (v.empty()) return fallback;
  const auto bad = Status::InvalidArgument(name + " takes a whole number from " +
                                           std::to_string(lo) + " to " + std::to_string(hi));
  if (v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) return bad;
  const int n = std::stoi(v);
  if (n < lo || n > hi) return bad;
  return n;
}

Result<SearchOptions> ReadSearchOptions(const Params& params) {
  SearchOptions o;
  o.query = Value(params, "q");
  for (const auto& [name, type] :
       {std::pair{"person", EntityType::kPerson}, std::pair{"place", EntityType::kPlace},
        std::pair{"org", EntityType::kOrg}})
    for (auto& n : Values(params, name)) o.filters.push_back({type, std::move(n)});
  o.authors = Values(params, "author");
  o.since = Value(params, "since");
  o.until = Value(params, "until");
  o.language = Value(params, "lang");  // an unknown code: the search's InvalidArgument
  const std::string sort = Value(params, "sort");
  if (sort == "date" || sort == "newest")
    o.sort = SortOrder::kNewest;
  else if (sort == "oldest")
    o.sort = SortOrder::kOldest;
  else if (!sort.empty() && sort != "relevance")
    return Status::InvalidArgument("sort takes relevance, date or oldest");
  auto boilerplate = Switch(params, "boilerplate");
  if (!boilerplate.ok()) return boilerplate.status();
  auto exact = Switch(params, "exact");
  if (!exact.ok()) return exact.status();
  auto all_copies = Switch(params, "all_copies");
  if (!all_copies.ok()) return all_copies.status();
  o.include_boilerplate = *boilerplate;
  o.exact = *exact;
  o.all_copies = *all_copies;
  return o;
}

}  // namespace nsearch::serve
