#include <omview/console/settingsaggregate.h>

namespace omview {

SettingsAggregate SettingsAggregate::of(const QList<Settings> &all) {
    SettingsAggregate a;
    for (const Settings &s : all) {
        a.block.add(s.block);
        a.stay.add(s.stay);
        a.lstay.add(s.lstay);
        a.quiet.add(s.quiet);
        a.participating.add(s.mospe != 0);
        a.speed.add(s.speed);
        a.decayInterval.add(s.decayInterval);
        a.slowDecay.add(s.slowDecay);
        a.fastDecay.add(s.fastDecay);
        ++a.nodes;
    }
    return a;
}

namespace {

// The edited field is written when it holds a value and that value is not what every
// node already has.
template<class T>
void touch(std::optional<T> &out, const Merged<T> &read, const Merged<T> &edited) {
    if (!edited.mixed && edited.value && edited != read)
        out = *edited.value;
}

} // namespace

SettingsChange SettingsAggregate::changeTo(const SettingsAggregate &edited) const {
    SettingsChange c;
    touch(c.block, block, edited.block);
    touch(c.stay, stay, edited.stay);
    touch(c.lstay, lstay, edited.lstay);
    touch(c.quiet, quiet, edited.quiet);
    touch(c.speed, speed, edited.speed);
    touch(c.decayInterval, decayInterval, edited.decayInterval);
    touch(c.slowDecay, slowDecay, edited.slowDecay);
    touch(c.fastDecay, fastDecay, edited.fastDecay);
    return c;
}

} // namespace omview
