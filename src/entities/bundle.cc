#include "entities/bundle.h"

#include <algorithm>
#include <map>

#include "entities/names.h"

namespace nsearch::entities {
namespace {

std::string_view Surname(std::string_view id) {
  size_t sp = id.find(' ');
  return sp == std::string_view::npos ? std::string_view() : id.substr(sp + 1);
}

// Surnames this short have too many real neighbours ("Hanks", "Banks").
constexpr size_t kMinSpellingLength = 5;

}  // namespace

void BundleNames::Apply(const ArticleEvidence& a, int sign) {
  for (const BundleName& n : a.names) {
    Run& r = runs_[n.key];
    r.evidence += sign;
    r.seen += sign;
    if (!n.given_first) continue;
    auto [it, inserted] = full_.try_emplace(n.key);
    it->second.articles += sign;
    if (n.cue > 0) it->second.person_cued += sign;
    if (n.cue < 0) it->second.company_cued += sign;
    if (!inserted) continue;
    it->second.surface = n.surface;
    it->second.identity = n.identity;
    it->second.initials = n.initials;
    Index(*it);
  }
  for (const std::string& key : a.unexplained) runs_[key].seen += sign;
  for (const auto& [key, vote] : a.surname_orgs) {
    Votes& v = votes_[key];
    (vote > 0 ? v.person : v.org) += sign;
  }
  for (const auto& [key, id] : a.surname_votes) surname_votes_[key][id] += sign;
  for (const auto& [key, surface] : a.stage_names) {
    Stage& s = stage_[key];
    s.articles += sign;
    if (s.surface.empty()) s.surface = surface;
  }
  near_stale_.store(true, std::memory_order_release);
}

void BundleNames::Spellings::Add(std::string_view spelling, const std::string* identity) {
  entries_.push_back({Hash(spelling), identity});
  if (entries_.size() * 2 <= slots_.size()) {
    Place(static_cast<uint32_t>(entries_.size() - 1));
    return;
  }
  // Grown from the entries in order, so a spelling's identities keep it.
  slots_.assign(std::max<size_t>(1024, slots_.size() * 2), 0);
  for (uint32_t e = 0; e < entries_.size(); ++e) Place(e);
}

void BundleNames::Spellings::Clear() {
  std::vector<Entry>().swap(entries_);
  std::vector<uint32_t>().swap(slots_);
}

void BundleNames::Spellings::Place(uint32_t entry) {
  const size_t mask = slots_.size() - 1;
  size_t i = entries_[entry].hash & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = entry + 1;
}

void BundleNames::Index(const FullEntry& full) {
  const std::string& key = full.first;
  const std::string& identity = full.second.identity;
  for (size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1)) {
    tails_[key.substr(sp + 1)].push_back(&full);
  }
  auto [g, inserted] = groups_.try_emplace(identity);
  g->second.push_back(&full);
  if (inserted) identities_.push_back(&g->first);
}

const BundleNames::Spellings& BundleNames::Near() const {
  if (!near_stale_.load(std::memory_order_acquire)) return near_;
  std::lock_guard<std::mutex> lock(near_mu_);
  if (!near_stale_.load(std::memory_order_relaxed)) return near_;
  // An identity with fewer articles is never a neighbour (CanonicalSurface
  // wants kSpellingMin of them), so it is left out; the others keep the
  // order they came in.
  near_.Clear();
  std::string shorter;
  for (const std::string* id : identities_) {
    const std::string& identity = *id;
    const size_t surname = identity.size() - Surname(identity).size();
    if (identity.size() - surname < kMinSpellingLength || Articles(identity) < kSpellingMin)
      continue;
    near_.Add(identity, id);
    for (size_t i = surname; i < identity.size(); ++i) {
      shorter.assign(identity, 0, i);
      shorter.append(identity, i + 1);
      near_.Add(shorter, id);
    }
  }
  near_stale_.store(false, std::memory_order_release);
  return near_;
}

const BundleNames::Full* BundleNames::Best(const std::string& id,
                                           const std::string* initials) const {
  auto g = groups_.find(id);
  if (g == groups_.end()) return nullptr;
  const Full* best = nullptr;
  const std::string* best_key = nullptr;
  for (const FullEntry* e : g->second) {
    const Full& f = e->second;
    if (f.articles <= 0 || (initials && f.initials != *initials)) continue;
    if (!best || f.articles > best->articles ||
        (f.articles == best->articles && e->first < *best_key)) {
      best = &f;
      best_key = &e->first;
    }
  }
  return best;
}

int BundleNames::Articles(const std::string& id) const {
  auto g = groups_.find(id);
  int n = 0;
  if (g != groups_.end()) {
    for (const FullEntry* e : g->second) n += e->second.articles;
  }
  return n;
}

const std::string* BundleNames::CanonicalSurface(const std::string& id,
                                                 const std::string& initials) const {
  const Full* best = Best(id);
  // Other initials than the best spelling's: another person of the same
  // given name and surname, unless the best spelling has none.
  if (best && !initials.empty() && !best->initials.empty() && best->initials != initials) {
    if (const Full* same = Best(id, &initials)) return &same->surface;
  }
  const int n = best ? Articles(id) : 0;
  if (n >= kSpellingMin) return &best->surface;
  // A rare spelling: is there a much more common one a letter off?
  const std::string_view surname = Surname(id);
  const std::string* neighbour = nullptr;
  int neighbour_articles = std::max(kSpellingMin, kSpellingDominance * n);
  const Spellings& near = Near();
  const auto consider = [&](std::string_view variant) {
    near.ForEach(variant, [&](const std::string& other) {
      if (other == id || !OneEditApart(surname, Surname(other))) return;
      if (int m = Articles(other); m >= neighbour_articles) {
        neighbour = &other;
        neighbour_articles = m + 1;
      }
    });
  };
  if (surname.size() >= kMinSpellingLength - 1) {
    consider(id);
    const size_t start = id.size() - surname.size();
    for (size_t i = start; i < id.size(); ++i) consider(id.substr(0, i) + id.substr(i + 1));
  }
  if (neighbour) return &Best(*neighbour)->surface;
  return best ? &best->surface : nullptr;
}

const std::string* BundleNames::BestKey(const std::string& id, const std::string** surface) const {
  auto g = groups_.find(id);
  const Full* best = Best(id);
  if (!best) return nullptr;
  for (const FullEntry* e : g->second) {
    if (&e->second != best) continue;
    if (surface) *surface = &best->surface;
    return &e->first;
  }
  return nullptr;
}

const std::string* BundleNames::Voted(const std::string& key, int dominance) const {
  auto v = surname_votes_.find(key);
  if (v == surname_votes_.end()) return nullptr;
  const std::string* top = nullptr;
  int top_votes = 0, total = 0;
  for (const auto& [id, n] : v->second) {
    total += n;
    if (n > top_votes || (n == top_votes && top && id < *top)) {
      top = &id;
      top_votes = n;
    }
  }
  if (!top || top_votes < kMinArticles || top_votes < dominance * (total - top_votes))
    return nullptr;
  return top;
}

const std::string* BundleNames::FullFor(const std::string& tail, const std::string& title,
                                        const std::string** surface) const {
  const std::string* voted = title.empty() ? nullptr : Voted(title + " " + tail, 2);
  if (!voted) voted = Voted(tail, 3);
  if (voted) {
    if (const std::string* key = BestKey(*voted, surface)) return key;
  }
  auto t = tails_.find(tail);
  if (t == tails_.end()) return nullptr;
  // One person per identity ("andrew m cuomo" is "andrew cuomo", "mike
  // bloomberg" is "michael bloomberg"). Only maximal names count ("de
  // blasio" is the tail of "bill de blasio").
  std::map<std::string, int> people;
  for (const FullEntry* f : t->second) {
    if (tails_.count(f->first)) continue;
    const Full& full = f->second;
    if (full.articles > 0) people[full.identity] += full.articles;
  }
  const std::string* top = nullptr;
  int top_articles = 0, total = 0;
  for (const auto& [id, n] : people) {
    total += n;
    if (n > top_articles) {
      top = &id;
      top_articles = n;
    }
  }
  if (!top || top_articles < kMinArticles || top_articles < kDominance * (total - top_articles))
    return nullptr;
  return BestKey(*top, surface);
}

bool BundleNames::CompanyName(const std::string& id) const {
  auto g = groups_.find(id);
  if (g == groups_.end()) return false;
  int person = 0, company = 0;
  for (const FullEntry* e : g->second) {
    person += e->second.person_cued;
    company += e->second.company_cued;
  }
  return company >= kMinCompanyArticles && 4 * person <= company;
}

bool BundleNames::IsPersonName(const std::string& key) const {
  auto r = runs_.find(key);
  return r != runs_.end() && r->second.evidence >= 2 && r->second.evidence * 5 >= r->second.seen;
}

bool BundleNames::PersonByCues(const std::string& key) const {
  auto v = votes_.find(key);
  return v != votes_.end() && v->second.person >= kMinArticles &&
         v->second.person >= 2 * v->second.org;
}

const std::string* BundleNames::StageName(const std::string& key) const {
  auto s = stage_.find(key);
  return s != stage_.end() && s->second.articles >= kMinArticles ? &s->second.surface : nullptr;
}

}  // namespace nsearch::entities
