// The stored data compressed against a dictionary of the index's own
// articles: smaller than Glass's zlib alone, read back exactly, and an
// index that has one keeps it and hands it to every database it writes.
#include "index/data_dictionary.h"

#include <gtest/gtest.h>
#include <zdict.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "index/document.h"
#include "index/index_test_util.h"
#include "index/schema.h"
#include "index/writer.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;

// Articles of the test's own making, with the recurring phrasing a bundle
// of one outlet has.
Article Story(int i) {
  static const char* const kPlaces[] = {"Eastfield", "Marlow Bay", "Kestrel Point",
                                        "Old Quay",  "Birchmoor",  "Sandwick"};
  static const char* const kThings[] = {"ferry", "library", "tram line", "market hall",
                                        "footbridge"};
  const std::string place = kPlaces[i % 6], thing = kThings[(i / 6) % 5];
  Article a;
  a.id = "/bundle/story-" + std::to_string(i) + ".txt";
  a.source.file = a.id;
  a.title = "The " + thing + " at " + place + " reopens (report " + std::to_string(i) + ")";
  a.paragraphs = {
      {1, ParagraphKind::kBody,
       "Councillors in " + place + " said on Tuesday that the " + thing +
           " would reopen after repairs, the " + std::to_string(i) +
           "th such notice this year for the harbour district."},
      {2, ParagraphKind::kBody,
       "Residents queued outside the " + thing + " from early morning; several said the change " +
           "had been expected since the spring survey of the harbour front."},
      {3, ParagraphKind::kBody,
       "A spokesperson promised a public meeting within " + std::to_string(2 + i % 9) +
           " weeks and a written answer to every letter received."},
      {4, ParagraphKind::kBoilerplate, "Sign up for our newsletter. Follow us on social media."}};
  return a;
}

std::shared_ptr<const DataDictionary> Trained(int articles) {
  DictionarySampler sampler;
  for (int i = 0; i < articles; ++i) sampler.Add(Story(i));
  return sampler.Train();
}

class DataDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing_util::FreshTestDir("nsearch-dict"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(DataDictionaryTest, CompressedDataReadsBackExactlyAndIsSmallerThanZlib) {
  auto dict = Trained(2000);
  ASSERT_TRUE(dict) << "2000 stories are enough to train on";
  size_t ours = 0, zlib = 0;
  for (int i = 5000; i < 5200; ++i) {  // articles the dictionary never saw
    const std::string raw = EncodeStoredArticle(Story(i));
    const std::string packed = dict->Compress(raw);
    ASSERT_TRUE(IsCompressedData(packed));
    EXPECT_FALSE(IsCompressedData(raw)) << "a plain encoding is never taken for a frame";
    auto back = dict->Decompress(packed);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, raw);
    ours += packed.size();
    uLongf len = compressBound(raw.size());
    std::string z(len, '\0');
    compress2(reinterpret_cast<Bytef*>(z.data()), &len, reinterpret_cast<const Bytef*>(raw.data()),
              raw.size(), Z_DEFAULT_COMPRESSION);
    zlib += len;
  }
  EXPECT_LT(ours, zlib * 3 / 4) << "ours " << ours << " bytes, zlib " << zlib;
}

TEST_F(DataDictionaryTest, TooLittleTextTrainsNoDictionary) {
  EXPECT_FALSE(Trained(10)) << "a few articles: stored as before";
}

TEST_F(DataDictionaryTest, DamagedFrameOrUnknownDictionaryIsNotReadAsAnArticle) {
  auto dict = Trained(2000);
  ASSERT_TRUE(dict);
  const std::string packed = dict->Compress(EncodeStoredArticle(Story(1)));
  std::string damaged = packed;
  damaged[damaged.size() / 2] ^= 0x5a;
  damaged.resize(damaged.size() - 3);
  EXPECT_FALSE(dict->Decompress(damaged));
  EXPECT_FALSE(dict->Decompress(packed.substr(0, 6)));

  // A frame of another index's dictionary is not read with this one.
  DictionarySampler other;
  for (int i = 0; i < 2000; ++i) {
    Article a = Story(i);
    a.title += " in the other bundle";
    other.Add(a);
  }
  auto dict2 = other.Train();
  ASSERT_TRUE(dict2);
  EXPECT_NE(dict2->id(), dict->id());
  const std::string frame2 = dict2->Compress(EncodeStoredArticle(Story(3)));
  EXPECT_FALSE(dict->Decompress(frame2));
  EXPECT_TRUE(dict2->Decompress(frame2));
}

TEST_F(DataDictionaryTest, AnIndexKeepsItsDictionaryAndReadsOldAndNewArticles) {
  const std::string path = (dir_ / "idx").string();
  {
    // An index of articles stored plain (written before dictionaries).
    auto w = Writer::Open(path);
    ASSERT_TRUE(w.ok()) << w.status().message();
    EXPECT_EQ((*w)->Dictionary(), nullptr);
    ASSERT_TRUE((*w)->Put(BuildDocument(Story(1)), 100).ok());
    ASSERT_TRUE((*w)->Finish().ok());
  }
  auto dict = Trained(2000);
  ASSERT_TRUE(dict);
  {
    auto w = Writer::Open(path);
    ASSERT_TRUE(w.ok()) << w.status().message();
    EXPECT_EQ((*w)->Dictionary(), nullptr);
    (*w)->AdoptDictionary(dict);
    ASSERT_EQ((*w)->Dictionary(), dict.get());
    ASSERT_TRUE((*w)->Put(BuildDocument(Story(2), (*w)->Dictionary()), 100).ok());
    ASSERT_TRUE((*w)->Finish(true).ok());
  }
  {
    auto w = Writer::Open(path);
    ASSERT_TRUE(w.ok()) << w.status().message();
    ASSERT_NE((*w)->Dictionary(), nullptr) << "a later run keeps the index's dictionary";
    EXPECT_EQ((*w)->Dictionary()->id(), dict->id());
    auto another = Trained(1500);
    (*w)->AdoptDictionary(another);
    EXPECT_EQ((*w)->Dictionary()->id(), dict->id()) << "and no other";
    ASSERT_TRUE((*w)->Finish().ok());
  }
  Xapian::Database db(path);
  int compressed = 0;
  for (int i : {1, 2}) {
    const std::string term = std::string(kPrefixArticle) + ArticleKey(Story(i).id);
    auto p = db.postlist_begin(term);
    ASSERT_NE(p, db.postlist_end(term));
    const Xapian::Document doc = db.get_document(*p);
    compressed += IsCompressedData(doc.get_data());
    auto a = StoredArticleOf(doc, db);
    ASSERT_TRUE(a) << i;
    EXPECT_EQ(a->title, Story(i).title);
    EXPECT_EQ(a->paragraphs.size(), 4u);
  }
  EXPECT_EQ(compressed, 1) << "the old article stays as it was, the new one is compressed";
  EXPECT_EQ(db.get_metadata(kDataDictionaryKey), dict->bytes());
}

TEST_F(DataDictionaryTest, SampleIsBoundedAndSpreadOverTheRun) {
  // Ten times the bound of articles: the sample stays within it, and still
  // trains.
  DictionarySampler sampler;
  size_t total = 0;
  for (int i = 0; total < 10 * DictionarySampler::kMaxSampleBytes; ++i) {
    Article a = Story(i);
    a.paragraphs.push_back({5, ParagraphKind::kBody, std::string(2000, 'a' + i % 26)});
    total += EncodeStoredArticle(a).size();
    sampler.Add(a);
    ASSERT_LE(sampler.sample_bytes(), DictionarySampler::kMaxSampleBytes);
  }
  EXPECT_GT(sampler.sample_bytes(), DictionarySampler::kMaxSampleBytes / 3);
  EXPECT_TRUE(sampler.Train());
}

std::string FileBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(DataDictionaryTest, AFileCopyOfTheDictionaryDecodesWhereTheDatabaseHasNone) {
  // A dictionary this process has not met (trained here, not remembered by
  // DictionarySampler::Train).
  std::string samples;
  std::vector<size_t> sizes;
  for (int i = 0; i < 2000; ++i) {
    Article a = Story(i);
    a.title += " from the file test's own bundle";
    sizes.push_back(EncodeStoredArticle(a).size());
    samples += EncodeStoredArticle(a);
  }
  std::string bytes(112640, '\0');
  const size_t n = ZDICT_trainFromBuffer(bytes.data(), bytes.size(), samples.data(), sizes.data(),
                                         static_cast<unsigned>(sizes.size()));
  ASSERT_FALSE(ZDICT_isError(n));
  bytes.resize(n);
  auto dict = DataDictionary::FromBytes(bytes);
  ASSERT_TRUE(dict);
  const std::string raw = EncodeStoredArticle(Story(7));
  const std::string frame = dict->Compress(raw);
  ASSERT_TRUE(IsCompressedData(frame));

  Xapian::WritableDatabase none(std::string(), Xapian::DB_BACKEND_INMEMORY);
  EXPECT_FALSE(UnpackData(frame, none)) << "no dictionary anywhere: not read";

  // A directory whose file holds something else teaches nothing.
  const fs::path junk = dir_ / "junk";
  fs::create_directories(junk);
  std::ofstream(junk / kDictionaryFileName) << "not a dictionary";
  NoteDictionaryFile(junk.string());
  EXPECT_FALSE(UnpackData(frame, none));

  const fs::path index = dir_ / "index";
  fs::create_directories(index);
  ASSERT_TRUE(WriteDictionaryFile(index.string(), *dict).ok());
  EXPECT_EQ(FileBytes(index / kDictionaryFileName), dict->bytes());
  ASSERT_TRUE(WriteDictionaryFile(index.string(), *dict).ok()) << "again: already there";
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(index)) ++entries;
  EXPECT_EQ(entries, 1) << "no temporary file left beside it";

  NoteDictionaryFile(index.string());
  auto back = UnpackData(frame, none);
  ASSERT_TRUE(back) << "read through the noted file";
  EXPECT_EQ(*back, raw);

  // The file mapped (what a command-line search does) is the same
  // dictionary, and reads what it wrote.
  auto mapped = MappedFile::Open((index / kDictionaryFileName).string(), 1 << 20);
  ASSERT_TRUE(mapped);
  auto from_file = DataDictionary::FromFile(std::move(*mapped));
  ASSERT_TRUE(from_file);
  EXPECT_EQ(from_file->id(), dict->id());
  EXPECT_EQ(from_file->bytes(), dict->bytes());
  EXPECT_EQ(from_file->Decompress(frame), raw);
  EXPECT_EQ(dict->Decompress(from_file->Compress(raw)), raw);
  auto junk_file = MappedFile::Open((junk / kDictionaryFileName).string(), 1 << 20);
  ASSERT_TRUE(junk_file);
  EXPECT_FALSE(DataDictionary::FromFile(std::move(*junk_file))) << "not a dictionary";
}

TEST_F(DataDictionaryTest, WritingTheFileReplacesAnotherDictionaryWhole) {
  auto first = Trained(2000);
  ASSERT_TRUE(first);
  const fs::path index = dir_ / "index";
  fs::create_directories(index);
  std::ofstream(index / kDictionaryFileName) << "a file cut short by a crash";
  ASSERT_TRUE(WriteDictionaryFile(index.string(), *first).ok());
  EXPECT_EQ(FileBytes(index / kDictionaryFileName), first->bytes());
  EXPECT_FALSE(WriteDictionaryFile((dir_ / "missing" / "dir").string(), *first).ok())
      << "an error, not an exception or a crash";
}

}  // namespace
}  // namespace nsearch::index
