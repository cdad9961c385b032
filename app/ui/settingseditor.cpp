#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <omview/console/settingseditor.h>
#include <omview/console/speedscale.h>

namespace omview {

namespace {

// The ranges the module accepts (hpc/tune.h), as the spin boxes offer them.
constexpr int DecayIntervalMin = 1;
constexpr int DecayIntervalMax = 65535;
constexpr int DecayPortionMin = 1;
constexpr int DecayPortionMax = 1000;

} // namespace

QString SettingsEditor::mixedText() {
    return tr("mixed");
}

SettingsEditor::SettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_migration(new QCheckBox(tr("&Automatic migration"), this))
    , m_talk(new QCheckBox(tr("&Talk to other nodes"), this))
    , m_lstay(new QCheckBox(tr("&Local processes stay"), this))
    , m_block(new QCheckBox(tr("&Block guest processes"), this))
    , m_speed(new QSpinBox(this))
    , m_interval(new QSpinBox(this))
    , m_slow(new QSpinBox(this))
    , m_fast(new QSpinBox(this)) {
    m_migration->setObjectName(QStringLiteral("automaticMigration"));
    m_talk->setObjectName(QStringLiteral("talkToOthers"));
    m_lstay->setObjectName(QStringLiteral("localStay"));
    m_block->setObjectName(QStringLiteral("blockGuests"));
    m_speed->setObjectName(QStringLiteral("speed"));
    m_interval->setObjectName(QStringLiteral("decayInterval"));
    m_slow->setObjectName(QStringLiteral("slowDecay"));
    m_fast->setObjectName(QStringLiteral("fastDecay"));

    const QString mixedNote =
        tr("<p>A partly checked box means the nodes differ; it leaves each node as it is.</p>");
    m_migration->setWhatsThis(
        tr("<p><b>Automatic migration.</b> When off (<i>stay</i>), the balancer does not move "
           "this node's processes to other nodes.</p>") +
        mixedNote);
    m_talk->setWhatsThis(tr("<p><b>Talk to other nodes.</b> When off (<i>quiet</i>), the node "
                            "stops sending its load to the others, and they stop sending work "
                            "to it.</p>") +
                         mixedNote);
    m_lstay->setWhatsThis(tr("<p><b>Local processes stay</b> (<i>lstay</i>). Processes started "
                             "on this node stay on it.</p>") +
                          mixedNote);
    m_block->setWhatsThis(tr("<p><b>Block guest processes</b> (<i>block</i>). No process of "
                             "another node migrates here.</p>") +
                          mixedNote);
    const QString mixedNumber = tr("<p>\"%1\" means the nodes differ; it leaves each node as it "
                                   "is until you enter a value.</p>")
                                    .arg(mixedText());
    m_speed->setWhatsThis(tr("<p><b>Speed</b>, 1 to 1000000. 10000 is the standard processor; "
                             "the balancer sends more work to faster nodes.</p>") +
                          mixedNumber);
    m_interval->setWhatsThis(tr("<p><b>Decay interval</b>, 1 to 65535 seconds: how often a "
                                "process's load history decays.</p>") +
                             mixedNumber);
    m_slow->setWhatsThis(tr("<p><b>Slow decay</b>, 1 to 1000 per mille of the load history a "
                            "process keeps each interval. It must not be less than the fast "
                            "decay.</p>") +
                         mixedNumber);
    m_fast->setWhatsThis(tr("<p><b>Fast decay</b>, 1 to 1000 per mille kept each interval, for "
                            "processes marked to decay fast. It must not be more than the slow "
                            "decay.</p>") +
                         mixedNumber);
    m_speed->setSuffix(QString());
    m_interval->setSuffix(tr(" s"));
    m_slow->setSuffix(tr(" ‰"));
    m_fast->setSuffix(tr(" ‰"));
    m_speed->setSingleStep(500);
    m_speed->setAccelerated(true);
    for (QSpinBox *box : {m_speed, m_interval, m_slow, m_fast}) {
        box->setAlignment(Qt::AlignRight);
        box->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000000 ‰")) + 40);
    }

    auto *balancing = new QGroupBox(tr("Load balancing"), this);
    auto *flags = new QVBoxLayout(balancing);
    for (QCheckBox *box : {m_migration, m_talk, m_lstay, m_block})
        flags->addWidget(box);

    auto *tuning = new QGroupBox(tr("Speed and decay"), this);
    auto *form = new QFormLayout(tuning);
    form->addRow(tr("&Speed:"), m_speed);
    form->addRow(tr("Decay &interval:"), m_interval);
    form->addRow(tr("Sl&ow decay:"), m_slow);
    form->addRow(tr("&Fast decay:"), m_fast);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(balancing);
    layout->addWidget(tuning);

    for (QCheckBox *box : {m_migration, m_talk, m_lstay, m_block})
        connect(box, &QCheckBox::checkStateChanged, this, &SettingsEditor::changed);
    for (QSpinBox *box : {m_speed, m_interval, m_slow, m_fast})
        connect(box, &QSpinBox::valueChanged, this, &SettingsEditor::changed);
    setAggregate({});
}

void SettingsEditor::showValue(QCheckBox *box, const Merged<bool> &value, bool inverted) {
    const QSignalBlocker block(box);
    box->setTristate(value.mixed);
    if (value.mixed)
        box->setCheckState(Qt::PartiallyChecked);
    else
        box->setChecked(value.value.value_or(false) != inverted);
}

Merged<bool> SettingsEditor::readValue(const QCheckBox *box, const Merged<bool> &shown,
                                       bool inverted) {
    if (box->checkState() == Qt::PartiallyChecked)
        return shown.mixed ? shown : Merged<bool>::mixedValues();
    return Merged<bool>::of((box->checkState() == Qt::Checked) != inverted);
}

void SettingsEditor::showValue(QSpinBox *box, const Merged<std::uint32_t> &value, int minimum,
                               int maximum) {
    const QSignalBlocker block(box);
    // A mixed value sits one below the range, where the spin box shows its special text.
    box->setSpecialValueText(value.mixed ? mixedText() : QString());
    box->setRange(value.mixed ? minimum - 1 : minimum, maximum);
    box->setValue(value.mixed ? minimum - 1 : int(value.value.value_or(std::uint32_t(minimum))));
}

Merged<std::uint32_t> SettingsEditor::readValue(const QSpinBox *box,
                                                const Merged<std::uint32_t> &shown) {
    if (shown.mixed && box->value() == box->minimum())
        return shown;
    return Merged<std::uint32_t>::of(std::uint32_t(box->value()));
}

void SettingsEditor::setAggregate(const SettingsAggregate &aggregate) {
    m_shown = aggregate;
    showValue(m_migration, aggregate.stay, true);
    showValue(m_talk, aggregate.quiet, true);
    showValue(m_lstay, aggregate.lstay, false);
    showValue(m_block, aggregate.block, false);
    showValue(m_speed, aggregate.speed, int(SpeedScale::MinSpeed), int(SpeedScale::MaxSpeed));
    showValue(m_interval, aggregate.decayInterval, DecayIntervalMin, DecayIntervalMax);
    showValue(m_slow, aggregate.slowDecay, DecayPortionMin, DecayPortionMax);
    showValue(m_fast, aggregate.fastDecay, DecayPortionMin, DecayPortionMax);
}

SettingsAggregate SettingsEditor::edited() const {
    SettingsAggregate e = m_shown;
    e.stay = readValue(m_migration, m_shown.stay, true);
    e.quiet = readValue(m_talk, m_shown.quiet, true);
    e.lstay = readValue(m_lstay, m_shown.lstay, false);
    e.block = readValue(m_block, m_shown.block, false);
    e.speed = readValue(m_speed, m_shown.speed);
    e.decayInterval = readValue(m_interval, m_shown.decayInterval);
    e.slowDecay = readValue(m_slow, m_shown.slowDecay);
    e.fastDecay = readValue(m_fast, m_shown.fastDecay);
    return e;
}

} // namespace omview
