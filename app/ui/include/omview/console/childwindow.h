// One way for the console to open its other windows (help, connections, analyzer, history):
// the one already open comes to the front; otherwise a new one, deleted when it is closed.
#pragma once

#include <QPointer>
#include <QWidget>

namespace omview {

// Shows @window, raises it and gives it the focus.
inline void bringToFront(QWidget *window) {
    window->show();
    window->raise();
    window->activateWindow();
}

// The window in @slot, or a new one from @make(). @prepare(window, fresh) readies it (opens
// a file, say) and says whether it may show; a new window it refuses is deleted, one that
// was open stays as it was. Returns the window brought to the front, or nullptr.
template<class W, class Make, class Prepare>
W *openChildWindow(QPointer<W> &slot, Make make, Prepare prepare) {
    const bool fresh = !slot;
    W *window = fresh ? make() : slot.data();
    if (fresh)
        window->setAttribute(Qt::WA_DeleteOnClose);
    if (!prepare(*window, fresh)) {
        if (fresh)
            delete window;
        return nullptr;
    }
    slot = window;
    bringToFront(window);
    return window;
}

template<class W, class Make>
W *openChildWindow(QPointer<W> &slot, Make make) {
    return openChildWindow(slot, make, [](W &, bool) { return true; });
}

} // namespace omview
