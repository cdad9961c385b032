// Reads space-separated numeric fields out of /proc text without copying it.
#pragma once

#include <charconv>
#include <string_view>

namespace omview::sampler {

// A position in a line of /proc text; every read skips the blanks before its
// field and fails (returns false, leaving the cursor where it was) on a field
// that is missing or not a number of the requested type.
class FieldCursor {
public:
    explicit FieldCursor(std::string_view text)
        : rest_(text) {}

    template<typename Number> bool next(Number &value) {
        skipBlanks();
        const auto [end, ec] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), value);
        if (ec != std::errc())
            return false;
        rest_.remove_prefix(static_cast<std::size_t>(end - rest_.data()));
        return true;
    }

    // The next run of non-blank characters; empty at the end of the text.
    std::string_view token() {
        skipBlanks();
        std::size_t length = 0;
        while (length < rest_.size() && !isBlank(rest_[length]))
            ++length;
        const std::string_view field = rest_.substr(0, length);
        rest_.remove_prefix(length);
        return field;
    }

    // Passes over count fields of any content: false when fewer are left.
    bool skip(int count) {
        for (; count > 0; --count) {
            if (token().empty())
                return false;
        }
        return true;
    }

    std::string_view rest() const { return rest_; }

private:
    static bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n'; }
    void skipBlanks() {
        std::size_t blanks = 0;
        while (blanks < rest_.size() && isBlank(rest_[blanks]))
            ++blanks;
        rest_.remove_prefix(blanks);
    }

    std::string_view rest_;
};

} // namespace omview::sampler
