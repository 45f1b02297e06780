// index/data_dictionary: the stored document data (EncodeStoredArticle)
// compressed with Zstandard against a dictionary trained on the index's own
// articles. An article's data is a couple of kilobytes: alone it compresses
// poorly (Glass's zlib takes 1.9x off news text), but against a dictionary
// of what the bundle's articles share (agency lines, recurring phrases, the
// shape of the encoding) it compresses to 2.5x, and that is a quarter less
// index for the same passages (docs/design.md).
//
// An index has at most one dictionary, trained by the first run that reads
// enough text (from the bundle pass's articles) and kept by every later run,
// in every generation and every shard (metadata kDataDictionaryKey), so that
// any of its databases decodes any of its articles. Data written without a
// dictionary (a small first run, an index from before dictionaries) stays
// as it was and reads as it did: a compressed value is told apart by its
// Zstandard frame, which no plain encoding starts with.
#ifndef NSEARCH_INDEX_DATA_DICTIONARY_H_
#define NSEARCH_INDEX_DATA_DICTIONARY_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/files.h"
#include "nsearch/article.h"
#include "nsearch/status.h"

namespace nsearch::index {

// Metadata key of an index's dictionary (its bytes, Zstandard's format).
inline constexpr char kDataDictionaryKey[] = "nsearch.data_dictionary";

// A trained dictionary, immutable: shared by the threads that compress and
// decompress with it.
class DataDictionary {
 public:
  // Null when |bytes| is not a Zstandard dictionary.
  static std::shared_ptr<const DataDictionary> FromBytes(std::string bytes);
  // The same over a mapped file's bytes, which the dictionary keeps mapped.
  static std::shared_ptr<const DataDictionary> FromFile(MappedFile file);
  ~DataDictionary();
  DataDictionary(const DataDictionary&) = delete;
  DataDictionary& operator=(const DataDictionary&) = delete;

  std::string_view bytes() const { return file_ ? file_->bytes() : std::string_view(owned_); }
  uint32_t id() const { return id_; }

  // |raw| as a Zstandard frame against this dictionary (thread-safe).
  std::string Compress(std::string_view raw) const;
  // The data of a frame compressed with this dictionary; nullopt when it is
  // damaged (thread-safe).
  std::optional<std::string> Decompress(std::string_view frame) const;

 private:
  struct Tables;
  DataDictionary(std::string bytes, std::optional<MappedFile> file, uint32_t id);
  // The bytes are one of these two (bytes()), both before tables_, whose
  // decompression tables refer to them.
  std::string owned_;
  std::optional<MappedFile> file_;
  uint32_t id_ = 0;
  std::unique_ptr<Tables> tables_;
};

// Collects the training sample from the articles of a run, in reading
// order: an even spread over the whole run, at most kMaxSampleBytes.
class DictionarySampler {
 public:
  static constexpr size_t kMaxSampleBytes = 4u << 20;
  // Below this much sample text no dictionary is trained: a small bundle
  // gains little, and a dictionary is sized for many articles.
  static constexpr size_t kMinSampleBytes = 256u << 10;
  // |article| as it will be stored (EncodeStoredArticle), if sampled.
  void Add(const Article& article);
  // The dictionary trained on what was added; null below kMinSampleBytes or
  // when training fails (the data is then stored uncompressed, as before).
  std::shared_ptr<const DataDictionary> Train() const;
  size_t sample_bytes() const { return bytes_; }

 private:
  std::vector<std::string> kept_;  // every stride_-th article seen
  size_t stride_ = 1;
  size_t seen_ = 0;
  size_t bytes_ = 0;
};

// True when |data| is a Zstandard frame, i.e. compressed data.
bool IsCompressedData(std::string_view data);

// The stored data of a document of |db| as EncodeStoredArticle wrote it:
// |data| itself when uncompressed, else decompressed with the dictionary
// it names (known to the process, or |db|'s own). nullopt when the
// dictionary is unknown or the frame damaged.
std::optional<std::string> UnpackData(std::string_view data, const Xapian::Database& db);

// Makes |db|'s dictionary known to the process, for data read through a
// database that combines several indexes (whose metadata is the first
// one's). Never throws; an unreadable dictionary is left out.
void LearnDictionary(const Xapian::Database& db);

// The article stored in |doc|, a document of |db|: UnpackData, then
// DecodeStoredArticle. nullopt when it cannot be read. |data|, when given,
// is |doc|'s data, read already.
std::optional<Article> StoredArticleOf(const Xapian::Document& doc, const Xapian::Database& db,
                                       const std::string* data = nullptr);

// The dictionary |db| holds (kDataDictionaryKey), or null.
std::shared_ptr<const DataDictionary> DictionaryOf(const Xapian::Database& db);

// A copy of the index's dictionary in a file of its own, in the index
// directory: a search process reads it with one read (or maps it,
// MapDictionaryFiles), where the metadata is a dozen B-tree blocks (200 us
// of a 4 ms search). The metadata stays
// the record: an index without the file (from before it, or a remote one)
// is read through its metadata as before, and a file whose dictionary no
// article names is never used.
inline constexpr char kDictionaryFileName[] = "data-dictionary";

// Writes |d| into |index_dir|'s dictionary file unless the file holds it
// already; written beside the file and renamed over it, so a reader finds
// the old file or the new, whole.
Status WriteDictionaryFile(const std::string& index_dir, const DataDictionary& d);

// Names an index directory whose dictionary file UnpackData may read (once,
// on the first data it cannot decode with a dictionary already known)
// before it reads a database's metadata. No I/O until then.
void NoteDictionaryFile(const std::string& index_dir);

// From now on this process maps the dictionary files it reads instead of
// reading them (index/files.h, MappedFile): for short-lived processes (a
// command-line search), where the read is a tenth of a search's time after
// start-up; a long-lived one (the web server) keeps reading them, so a file
// cut short in place can never fault under it.
void MapDictionaryFiles();

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_DATA_DICTIONARY_H_
