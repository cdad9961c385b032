#include <omview/analyzer/chartstyle.h>

namespace omview::analyzer {

namespace {

ChartStyle light() {
    ChartStyle s;
    s.dark = false;
    s.background = QColor(0xff, 0xff, 0xff);
    s.plot = QColor(0xff, 0xff, 0xff);
    s.text = QColor(0x30, 0x30, 0x30);
    s.grid = QColor(0xd8, 0xd8, 0xd8);
    s.load = QColor(0x1f, 0x6f, 0xb4);
    s.above = QColor(0xd6, 0x27, 0x28);
    s.memory = QColor(0x2c, 0x9a, 0x4a);
    s.checkpoint = QColor(0x8e, 0x44, 0xad);
    return s;
}

} // namespace

ChartStyle ChartStyle::fromPalette(const QPalette &palette) {
    const QColor window = palette.color(QPalette::Window);
    if (window.lightness() >= 128) {
        ChartStyle s = light();
        s.background = palette.color(QPalette::Base);
        s.plot = palette.color(QPalette::Base);
        s.text = palette.color(QPalette::Text);
        return s;
    }
    ChartStyle s;
    s.dark = true;
    s.background = palette.color(QPalette::Base);
    s.plot = palette.color(QPalette::Base);
    s.text = palette.color(QPalette::Text);
    s.grid = QColor(0x4a, 0x4d, 0x52);
    s.load = QColor(0x5d, 0xad, 0xe2);
    s.above = QColor(0xff, 0x5c, 0x5c);
    s.memory = QColor(0x6f, 0xcf, 0x8e);
    s.checkpoint = QColor(0xd2, 0xa8, 0xf0);
    return s;
}

ChartStyle ChartStyle::paper() {
    return light();
}

} // namespace omview::analyzer
