// The node settings form: the tunables of one node or several, mixed values shown as such.
#pragma once

#include <QWidget>
#include <omview/console/settingsaggregate.h>

class QCheckBox;
class QSpinBox;

namespace omview {

// Shows a SettingsAggregate and gives back the user's edited copy. A field on which the nodes
// differ is shown mixed (a partly checked box, "mixed" in a number field) and stays mixed, so
// is not written, until the user sets it. It knows nothing of nodes or agents.
class SettingsEditor : public QWidget {
    Q_OBJECT

public:
    explicit SettingsEditor(QWidget *parent = nullptr);

    void setAggregate(const SettingsAggregate &aggregate);
    const SettingsAggregate &aggregate() const { return m_shown; }
    // The aggregate as the user left the form.
    SettingsAggregate edited() const;

    QCheckBox *automaticMigration() const { return m_migration; } // !stay
    QCheckBox *talkToOthers() const { return m_talk; }            // !quiet
    QCheckBox *localStay() const { return m_lstay; }
    QCheckBox *blockGuests() const { return m_block; }
    QSpinBox *speed() const { return m_speed; }
    QSpinBox *decayInterval() const { return m_interval; }
    QSpinBox *slowDecay() const { return m_slow; }
    QSpinBox *fastDecay() const { return m_fast; }

    // The text a number field shows for a mixed value.
    static QString mixedText();

signals:
    // The user changed a field.
    void changed();

private:
    static void showValue(QCheckBox *box, const Merged<bool> &value, bool inverted);
    static Merged<bool> readValue(const QCheckBox *box, const Merged<bool> &shown, bool inverted);
    static void showValue(QSpinBox *box, const Merged<std::uint32_t> &value, int minimum,
                          int maximum);
    static Merged<std::uint32_t> readValue(const QSpinBox *box, const Merged<std::uint32_t> &shown);

    SettingsAggregate m_shown;
    QCheckBox *m_migration;
    QCheckBox *m_talk;
    QCheckBox *m_lstay;
    QCheckBox *m_block;
    QSpinBox *m_speed;
    QSpinBox *m_interval;
    QSpinBox *m_slow;
    QSpinBox *m_fast;
};

} // namespace omview
