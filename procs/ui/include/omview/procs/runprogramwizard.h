// File → Run program…: openMosixview's advanced execution dialog as a wizard. The user names
// a program, where it starts (the best node, a node, home, or one instance per node of a
// list), whether it may migrate and how the balancer weighs it; the wizard shows the
// equivalent mosrun line, starts the job(s) through the agent (proc.spawn) and follows their
// output and exit status (job.read). RunRequest and JobRunner (omprocsmodel) do the work.
#pragma once

#include <QList>
#include <QPointer>
#include <QWizard>
#include <omview/procs/runrequest.h>
#include <omview/protocol/jobs.h>
#include <omview/protocol/types.h>

namespace omview {
class AgentClient;
} // namespace omview

namespace omview::procs {

class JobRunner;
class PolicyPage;
class ProgramPage;
class ReviewPage;
class RunPage;
class WherePage;

class RunProgramWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { ProgramPageId, WherePageId, PolicyPageId, ReviewPageId, RunPageId };

    // The QSettings key of the programs run last (newest first, at most RecentLimit).
    static constexpr QLatin1StringView RecentKey{"runProgram/recent"};
    static constexpr int RecentLimit = 10;

    // @client (not owned) is the console's connection: the jobs' home is its node. The
    // wizard asks it for the cluster's nodes unless setNodes() gives them.
    explicit RunProgramWizard(AgentClient *client, QWidget *parent = nullptr);
    ~RunProgramWizard() override;

    // The nodes offered on the Where page (the console's cluster table).
    void setNodes(const QList<NodeRecord> &nodes);
    QList<NodeRecord> nodes() const { return m_nodes; }
    // The node the console's agent runs on: where "home" jobs start; 0 when not known.
    NodeId homeNode() const;
    AgentClient *client() const;

    // What the pages say so far.
    RunRequest request() const;
    // Runs the job(s); null until the Run page started them.
    JobRunner *runner() const;

signals:
    // An instance started: the main window may show it in the processes pane.
    void jobStarted(const omview::SpawnResult &job);
    // The nodes known changed (setNodes() or the agent's answer).
    void nodesChanged();

private:
    friend class RunPage;
    void rememberProgram(const QString &program);

    QPointer<AgentClient> m_client;
    QList<NodeRecord> m_nodes;
    bool m_nodesGiven = false;
    ProgramPage *m_program;
    WherePage *m_where;
    PolicyPage *m_policy;
    ReviewPage *m_review;
    RunPage *m_run;
};

} // namespace omview::procs
