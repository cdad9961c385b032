// Several nodes' settings merged field by field: one value, or Mixed, for the all-nodes dialog.
#pragma once

#include <QList>
#include <cstdint>
#include <omview/protocol/types.h>
#include <optional>

namespace omview {

// One field over several nodes: the common value, or mixed (nodes differ), or
// neither (no node).
template<class T> struct Merged {
    std::optional<T> value;
    bool mixed = false;

    static Merged of(T v) { return {std::move(v), false}; }
    static Merged mixedValues() { return {std::nullopt, true}; }
    // Adds one node's value.
    void add(const T &v) {
        if (mixed)
            return;
        if (!value)
            value = v;
        else if (*value != v) {
            value.reset();
            mixed = true;
        }
    }
    bool operator==(const Merged &) const = default;
};

// The fields the node dialogs show, over any number of nodes.
struct SettingsAggregate {
    Merged<bool> block, stay, lstay, quiet, participating; // participating: mospe != 0
    Merged<std::uint32_t> speed, decayInterval, slowDecay, fastDecay;
    int nodes = 0;

    static SettingsAggregate of(const QList<Settings> &all);

    // The change that sets every non-mixed field the user touched, comparing the
    // dialog's `edited` copy with this (the aggregate as read); fields left mixed
    // are not written. `participating` is not a setting (setpe): never in it.
    SettingsChange changeTo(const SettingsAggregate &edited) const;

    bool operator==(const SettingsAggregate &) const = default;
};

} // namespace omview
