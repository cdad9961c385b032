// The main window's menu bar and toolbar, laid out from the typed actions (ConsoleActions).
#pragma once

#include <QCoreApplication>

class QMainWindow;
class QMenu;
class QToolBar;

namespace omview {

class ConsoleActions;

struct ConsoleMenus {
    Q_DECLARE_TR_FUNCTIONS(omview::ConsoleMenus)

public:
    // Adds the menus and the toolbar to @window. The Columns submenu stays empty: its
    // entries follow the nodes pane's model, which the window knows.
    static ConsoleMenus build(QMainWindow &window, const ConsoleActions &actions);

    QMenu *file = nullptr;
    QMenu *view = nullptr;
    QMenu *columns = nullptr;
    QMenu *nodes = nullptr;
    QMenu *config = nullptr;
    QMenu *collector = nullptr;
    QMenu *help = nullptr;
    QToolBar *toolbar = nullptr;
};

} // namespace omview
