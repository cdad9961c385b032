// The pages of the run-program wizard (private). Each page checks its own input in
// validatePage() and shows what is wrong in an error label; isComplete() only asks that the
// fields the page needs are filled, so Next stays clickable and says why it refuses.
#pragma once

#include <QStringDecoder>
#include <QWizardPage>
#include <omview/procs/runrequest.h>
#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace omview::procs {

class JobRunner;
class RunProgramWizard;

// A label for what a page refuses: hidden while there is nothing to say.
QLabel *makeErrorLabel(QWidget *parent);
void showError(QLabel *label, const QString &message);

class ProgramPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ProgramPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    bool validatePage() override;
    // Program, arguments, directory and environment into @r.
    void fill(RunRequest &r) const;

private:
    void browseProgram();
    void browseDirectory();
    QStringList environment() const;

    QComboBox *m_program;
    QLineEdit *m_args;
    QLineEdit *m_cwd;
    QPlainTextEdit *m_env;
    QLabel *m_error;
};

class WherePage : public QWizardPage {
    Q_OBJECT

public:
    explicit WherePage(RunProgramWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    void fill(RunRequest &r) const;
    RunPlacement placement() const;

private:
    void refreshNodes();
    // The node list or chosen node as the user gave them, or what is wrong with them.
    std::expected<QList<NodeId>, QString> chosenNodes() const;

    RunProgramWizard *m_wizard;
    QButtonGroup *m_group;
    QRadioButton *m_home;
    QComboBox *m_node;
    QLineEdit *m_list;
    QLabel *m_error;
};

class PolicyPage : public QWizardPage {
    Q_OBJECT

public:
    explicit PolicyPage(RunProgramWizard *wizard);
    void initializePage() override;
    void fill(RunRequest &r) const;

private:
    RunProgramWizard *m_wizard;
    QButtonGroup *m_group;
    QComboBox *m_profile;
    QLabel *m_note;
};

class ReviewPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ReviewPage(RunProgramWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    QString commandLine() const;

private:
    RunProgramWizard *m_wizard;
    QLabel *m_summary;
    QPlainTextEdit *m_command;
    QPushButton *m_copy;
    QLabel *m_error;
};

class RunPage : public QWizardPage {
    Q_OBJECT

public:
    explicit RunPage(RunProgramWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    JobRunner *runner() const { return m_runner; }
    QString outputText() const;

private:
    struct Stream {
        QStringDecoder decoder{QStringDecoder::System};
        QString partial; // an unfinished line, held back while instances interleave
    };
    void append(int instance, bool isError, const QByteArray &bytes);
    void flush(int instance);
    void write(const QString &text, bool isError, bool note = false);
    void setStatus(int instance, const QString &status);
    void updateSummary();

    RunProgramWizard *m_wizard;
    JobRunner *m_runner = nullptr;
    QTreeWidget *m_instances;
    QPlainTextEdit *m_output;
    QLabel *m_summary;
    QPushButton *m_stop;
    std::vector<Stream> m_streams; // two per instance: stdout, stderr
};

} // namespace omview::procs
