#include "index/data_dictionary.h"

#include <zdict.h>
#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_createDDict_byReference (linked static)
#include <zstd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "index/files.h"
#include "index/schema.h"

namespace nsearch::index {
namespace {

// Zstandard's level for the stored data: on news articles against a
// trained dictionary, level 6 stores 4% less than level 3 for about 40 us
// more per article on a worker thread; the levels above it cost several
// times that for 1-2% more (measured on the gothamist bundle).
constexpr int kLevel = 6;
// The dictionary's size: Zstandard's own default, the best of those
// measured (64 KB stores 2% more).
constexpr size_t kDictionaryBytes = 112640;
// An article's data is bounded by the article (its text and a little
// more); this bounds what a damaged frame can make a reader allocate.
constexpr unsigned long long kMaxDataBytes = 1ull << 30;

struct CCtxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

ZSTD_CCtx* ThreadCCtx() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> ctx(ZSTD_createCCtx());
  return ctx.get();
}

ZSTD_DCtx* ThreadDCtx() {
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
  return ctx.get();
}

// The dictionaries this process has met, by id, and the dictionary files
// it may read (NoteDictionaryFile), each read at most once.
struct Known {
  std::mutex mu;
  std::map<uint32_t, std::shared_ptr<const DataDictionary>> by_id;
  std::vector<std::string> unread_files;
  bool map_files = false;  // MapDictionaryFiles
};

Known& KnownDictionaries() {
  static Known* known = new Known;  // never destroyed: read by any thread until exit
  return *known;
}

std::shared_ptr<const DataDictionary> Lookup(uint32_t id) {
  Known& k = KnownDictionaries();
  std::lock_guard<std::mutex> lock(k.mu);
  auto it = k.by_id.find(id);
  return it == k.by_id.end() ? nullptr : it->second;
}

void Remember(std::shared_ptr<const DataDictionary> d) {
  if (!d) return;
  Known& k = KnownDictionaries();
  std::lock_guard<std::mutex> lock(k.mu);
  k.by_id.emplace(d->id(), std::move(d));
}

// Reads the dictionary files noted and not read yet; true when one held a
// dictionary this process did not know.
bool ReadNotedFiles() {
  Known& k = KnownDictionaries();
  std::vector<std::string> files;
  bool map = false;
  {
    std::lock_guard<std::mutex> lock(k.mu);
    files.swap(k.unread_files);
    map = k.map_files;
  }
  bool learned = false;
  for (const auto& f : files) {
    std::shared_ptr<const DataDictionary> d;
    if (map) {
      if (auto file = MappedFile::Open(f, 4 * kDictionaryBytes))
        d = DataDictionary::FromFile(std::move(*file));
    } else {
      d = DataDictionary::FromBytes(ReadSmallFile(f, 4 * kDictionaryBytes).value_or(""));
    }
    if (!d || Lookup(d->id())) continue;
    Remember(std::move(d));
    learned = true;
  }
  return learned;
}

}  // namespace

struct DataDictionary::Tables {
  ZSTD_CDict* cdict = nullptr;  // made on first use: a reader never compresses
  ZSTD_DDict* ddict = nullptr;  // likewise
  std::once_flag cdict_once, ddict_once;
  ~Tables() {
    ZSTD_freeCDict(cdict);
    ZSTD_freeDDict(ddict);
  }
};

DataDictionary::DataDictionary(std::string bytes, std::optional<MappedFile> file, uint32_t id)
    : owned_(std::move(bytes)),
      file_(std::move(file)),
      id_(id),
      tables_(std::make_unique<Tables>()) {}

DataDictionary::~DataDictionary() = default;

std::shared_ptr<const DataDictionary> DataDictionary::FromBytes(std::string bytes) {
  const unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
  if (id == 0) return nullptr;  // not a dictionary (or a raw content one)
  return std::shared_ptr<const DataDictionary>(
      new DataDictionary(std::move(bytes), std::nullopt, id));
}

std::shared_ptr<const DataDictionary> DataDictionary::FromFile(MappedFile file) {
  const std::string_view bytes = file.bytes();
  const unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
  if (id == 0) return nullptr;
  return std::shared_ptr<const DataDictionary>(new DataDictionary({}, std::move(file), id));
}

std::string DataDictionary::Compress(std::string_view raw) const {
  std::call_once(tables_->cdict_once, [&] {
    const std::string_view b = bytes();
    tables_->cdict = ZSTD_createCDict(b.data(), b.size(), kLevel);
  });
  ZSTD_CCtx* ctx = ThreadCCtx();
  if (tables_->cdict == nullptr || ctx == nullptr) return std::string(raw);  // stored as it is
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  const size_t n =
      ZSTD_compress_usingCDict(ctx, out.data(), out.size(), raw.data(), raw.size(), tables_->cdict);
  if (ZSTD_isError(n)) return std::string(raw);
  out.resize(n);
  return out;
}

std::optional<std::string> DataDictionary::Decompress(std::string_view frame) const {
  // By reference: the bytes outlive the tables, and copying 110 KB cost a
  // search process 50 us of its first passage.
  std::call_once(tables_->ddict_once, [&] {
    const std::string_view b = bytes();
    tables_->ddict = ZSTD_createDDict_byReference(b.data(), b.size());
  });
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (tables_->ddict == nullptr || size == ZSTD_CONTENTSIZE_ERROR ||
      size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxDataBytes)
    return std::nullopt;
  ZSTD_DCtx* ctx = ThreadDCtx();
  if (ctx == nullptr) return std::nullopt;
  std::string out(static_cast<size_t>(size), '\0');
  const size_t n = ZSTD_decompress_usingDDict(ctx, out.data(), out.size(), frame.data(),
                                              frame.size(), tables_->ddict);
  if (ZSTD_isError(n) || n != out.size()) return std::nullopt;
  return out;
}

void DictionarySampler::Add(const Article& article) {
  // Every stride-th article; when the sample outgrows its bound, every
  // other one of those goes and the stride doubles: an even spread over
  // the run whatever its length, the same for the same bundle.
  if (seen_++ % stride_ != 0) return;
  kept_.push_back(EncodeStoredArticle(article));
  bytes_ += kept_.back().size();
  while (bytes_ > kMaxSampleBytes && kept_.size() > 1) {
    std::vector<std::string> half;
    bytes_ = 0;
    for (size_t i = 0; i < kept_.size(); i += 2) {
      bytes_ += kept_[i].size();
      half.push_back(std::move(kept_[i]));
    }
    kept_ = std::move(half);
    stride_ *= 2;
  }
}

std::shared_ptr<const DataDictionary> DictionarySampler::Train() const {
  if (bytes_ < kMinSampleBytes) return nullptr;
  std::string samples;
  std::vector<size_t> sizes;
  samples.reserve(bytes_);
  for (const auto& s : kept_) {
    samples += s;
    sizes.push_back(s.size());
  }
  std::string dict(kDictionaryBytes, '\0');
  const size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), samples.data(), sizes.data(),
                                         static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) return nullptr;
  dict.resize(n);
  auto d = DataDictionary::FromBytes(std::move(dict));
  Remember(d);
  return d;
}

bool IsCompressedData(std::string_view data) {
  return data.size() >= 4 && static_cast<unsigned char>(data[0]) == 0x28 &&
         static_cast<unsigned char>(data[1]) == 0xB5 &&
         static_cast<unsigned char>(data[2]) == 0x2F && static_cast<unsigned char>(data[3]) == 0xFD;
}

std::shared_ptr<const DataDictionary> DictionaryOf(const Xapian::Database& db) {
  try {
    std::string bytes = db.get_metadata(kDataDictionaryKey);
    if (bytes.empty()) return nullptr;
    const unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
    if (auto known = Lookup(id)) return known;
    auto d = DataDictionary::FromBytes(std::move(bytes));
    Remember(d);
    return d;
  } catch (const Xapian::Error&) {
    return nullptr;
  }
}

void LearnDictionary(const Xapian::Database& db) { (void)DictionaryOf(db); }

void MapDictionaryFiles() {
  Known& k = KnownDictionaries();
  std::lock_guard<std::mutex> lock(k.mu);
  k.map_files = true;
}

void NoteDictionaryFile(const std::string& index_dir) {
  Known& k = KnownDictionaries();
  std::string file = (std::filesystem::path(index_dir) / kDictionaryFileName).string();
  std::lock_guard<std::mutex> lock(k.mu);
  if (std::find(k.unread_files.begin(), k.unread_files.end(), file) == k.unread_files.end())
    k.unread_files.push_back(std::move(file));
}

Status WriteDictionaryFile(const std::string& index_dir, const DataDictionary& d) {
  const std::string path = (std::filesystem::path(index_dir) / kDictionaryFileName).string();
  if (ReadSmallFile(path, 4 * kDictionaryBytes) == d.bytes()) return Status::Ok();
  // On the disk before it is renamed into place: a crash leaves the old
  // file or the new one, never a new one cut short.
  return ReplaceFile(path, d.bytes(), true);
}

std::optional<std::string> UnpackData(std::string_view data, const Xapian::Database& db) {
  if (!IsCompressedData(data)) return std::string(data);
  const unsigned id = ZSTD_getDictID_fromFrame(data.data(), data.size());
  auto d = Lookup(id);
  if (!d && ReadNotedFiles()) d = Lookup(id);
  if (!d) {
    d = DictionaryOf(db);
    if (d && d->id() != id) d = nullptr;
  }
  if (!d) return std::nullopt;
  return d->Decompress(data);
}

std::optional<Article> StoredArticleOf(const Xapian::Document& doc, const Xapian::Database& db,
                                       const std::string* given) {
  const std::string read = given ? std::string() : doc.get_data();
  const std::string& data = given ? *given : read;
  if (!IsCompressedData(data)) return DecodeStoredArticle(data);
  auto raw = UnpackData(data, db);
  if (!raw) return std::nullopt;
  return DecodeStoredArticle(*raw);
}

}  // namespace nsearch::index
