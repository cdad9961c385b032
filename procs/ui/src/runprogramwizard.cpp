#include "runprogrampages.h"

#include <QSettings>
#include <omview/procs/runprogramwizard.h>
#include <omview/protocol/agentclient.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

RunProgramWizard::RunProgramWizard(AgentClient *client, QWidget *parent)
    : QWizard(parent)
    , m_client(client) {
    setObjectName(u"runProgramWizard"_s);
    setWindowTitle(tr("Run Program"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    m_program = new ProgramPage(this);
    m_where = new WherePage(this);
    m_policy = new PolicyPage(this);
    m_review = new ReviewPage(this);
    m_run = new RunPage(this);
    setPage(ProgramPageId, m_program);
    setPage(WherePageId, m_where);
    setPage(PolicyPageId, m_policy);
    setPage(ReviewPageId, m_review);
    setPage(RunPageId, m_run);
    setMinimumSize(640, 520);

    if (m_client && m_client->state() == AgentClient::State::Ready)
        m_client->clusterNodes().then(this, [this](Result<QList<NodeRecord>> r) {
            // Without the table the Where page still offers best node, home and lists.
            if (r && !m_nodesGiven) {
                m_nodes = *r;
                emit nodesChanged();
            }
        });
}

RunProgramWizard::~RunProgramWizard() = default;

void RunProgramWizard::setNodes(const QList<NodeRecord> &nodes) {
    m_nodesGiven = true;
    m_nodes = nodes;
    emit nodesChanged();
}

AgentClient *RunProgramWizard::client() const {
    return m_client;
}

NodeId RunProgramWizard::homeNode() const {
    return m_client && m_client->agent() ? m_client->agent()->node : 0;
}

RunRequest RunProgramWizard::request() const {
    RunRequest r;
    m_program->fill(r);
    m_where->fill(r);
    m_policy->fill(r);
    return r;
}

JobRunner *RunProgramWizard::runner() const {
    return m_run->runner();
}

void RunProgramWizard::rememberProgram(const QString &program) {
    QSettings settings;
    QStringList recent = settings.value(QString(RecentKey)).toStringList();
    recent.removeAll(program);
    recent.prepend(program);
    settings.setValue(QString(RecentKey), recent.mid(0, RecentLimit));
}

} // namespace omview::procs
