#include "cli/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "cli/common.h"
#include "cli/index_options.h"

namespace nsearch::cli {
namespace {

// Sets an environment variable for one test and puts it back after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    Set(value);
  }
  ~ScopedEnv() { Set(old_ ? old_->c_str() : nullptr); }
  void Set(const char* value) {
    if (value)
      setenv(name_, value, 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ResolvePathTest, HomeAndTheConfigFilesDirectory) {
  ScopedEnv home("HOME", "/home/ann");
  EXPECT_EQ(ResolvePath("~/news-index", "/etc/nsearch"), "/home/ann/news-index");
  EXPECT_EQ(ResolvePath("~", "/etc/nsearch"), "/home/ann");
  EXPECT_EQ(ResolvePath("bundles/../bbc", "/etc/nsearch"), "/etc/nsearch/bbc");
  EXPECT_EQ(ResolvePath("/srv/bbc", "/etc/nsearch"), "/srv/bbc");
  EXPECT_EQ(ResolvePath("~ann/x", "/etc"), "/etc/~ann/x") << "only ~/ is the home directory";
}

TEST(DefaultConfigPathTest, XdgConfigHomeWhenAbsolute) {
  ScopedEnv home("HOME", "/home/ann");
  ScopedEnv xdg("XDG_CONFIG_HOME", "/cfg");
  EXPECT_EQ(DefaultConfigPath(), "/cfg/nsearch/config");
  xdg.Set("relative");
  EXPECT_EQ(DefaultConfigPath(), "/home/ann/.config/nsearch/config");
  xdg.Set(nullptr);
  EXPECT_EQ(DefaultConfigPath(), "/home/ann/.config/nsearch/config");
}

TEST(FormatSizeTest, RoundTripsWithParseSize) {
  EXPECT_EQ(FormatSize(16ull << 20), "16M");
  EXPECT_EQ(FormatSize(1ull << 30), "1G");
  EXPECT_EQ(FormatSize(1536), "1536");
  EXPECT_EQ(FormatSize(0), "0");
  for (unsigned long long n : {0ull, 1ull, 1024ull, 3ull << 20, 5ull << 30, 12345ull}) {
    unsigned long long back = 0;
    ASSERT_TRUE(ParseSize(FormatSize(n), &back)) << n;
    EXPECT_EQ(back, n);
  }
}

// The settings' defaults are the library's: declared once.
TEST(SettingsOptionsTest, DefaultsAreTheLibrarysAndValuesLandInIndexOptions) {
  namespace po = boost::program_options;
  IndexSettings settings;
  const po::options_description desc = SettingsOptions(&settings);
  po::variables_map vm;
  const char* argv[] = {"nsearch-index", "--jsonl-title-field", "hed,x", "--max-archive-size", "2G",
                        "--wait=30",     "--no-entities"};
  po::store(po::parse_command_line(7, argv, desc), vm);
  po::notify(vm);
  const IndexOptions defaults;
  EXPECT_EQ(vm["max-file-size"].as<std::string>(), FormatSize(defaults.max_file_bytes));
  EXPECT_EQ(settings.options.max_file_bytes, defaults.max_file_bytes);
  EXPECT_EQ(settings.options.max_archive_bytes, 2ull << 30);
  EXPECT_EQ(settings.options.commit_every, defaults.commit_every);
  EXPECT_EQ(settings.options.lock_wait_seconds, 30);
  EXPECT_FALSE(settings.options.extract_entities);
  std::vector<std::string> titles = {"hed", "x"};
  titles.insert(titles.end(), defaults.title_fields.begin(), defaults.title_fields.end());
  EXPECT_EQ(settings.options.title_fields, titles);
}

}  // namespace
}  // namespace nsearch::cli
