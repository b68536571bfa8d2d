// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/terminal/TerminalTarget.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QMessageBox;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTabWidget;

namespace app {
class ClusterConnection;
class InteractiveAllocation;
class Notifier;
} // namespace app

namespace ui {

class InteractiveForm;
class TerminalView;

// The Terminals area: tabs of terminals over the clusters' connections (a shell on the login node,
// in a folder, beside a running job, in an interactive allocation). Tabs belong to the cluster they
// were opened on and are shown while that cluster is the current one; they go on running while
// another is looked at. Closing a running tab asks first; closing an allocation's tab ends the
// allocation. A shell can be kept in tmux (or screen) on the login node, so that reopening after a
// dropped link reattaches to it.
class TerminalArea : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalArea(QWidget *parent = nullptr);
    ~TerminalArea() override;

    void setConnection(app::ClusterConnection *connection);
    void setNotifier(app::Notifier *notifier);

    // A new tab (on the current cluster), started at once; null when no cluster is connected.
    TerminalView *openLoginShell();
    TerminalView *openInFolder(const QString &folder);
    TerminalView *openOnJobNode(const QString &jobId, const QString &nodeList);
    TerminalView *openAllocation(const app::InteractiveRequest &request);
    // Shows the allocation form (the Interactive allocation… action).
    void showAllocationForm();

    QTabWidget *tabs() const { return m_tabs; }
    QList<TerminalView *> views() const;
    app::InteractiveAllocation *allocationOf(TerminalView *view) const;
    // Closes a tab: asks first when its program runs (unless force), ends its allocation.
    void closeTab(TerminalView *view, bool force = false);
    // When the app quits: every allocation is ended with the scheduler, every shell hung up.
    void endAll();
    // What quitting ends: a line per open allocation.
    QStringList allocationsRunning() const;

Q_SIGNALS:
    void message(const QString &text);

private:
    TerminalView *open(app::TerminalTarget target);
    void addView(TerminalView *view, app::ClusterConnection *owner);
    void watchAllocation(TerminalView *view, app::InteractiveAllocation *allocation);
    void updateVisibility();
    void updateTitle(TerminalView *view);
    void probeMultiplexers();

    QPointer<app::ClusterConnection> m_connection;
    QPointer<app::Notifier> m_notifier;
    QHash<TerminalView *, QPointer<app::ClusterConnection>> m_owners;
    QHash<TerminalView *, app::InteractiveAllocation *> m_allocations;
    // What each cluster's login node has to keep shells in (asked once per connection).
    QHash<app::ClusterConnection *, app::TerminalTarget::Multiplexer> m_multiplexers;
    bool m_formShown = false;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    QLabel *m_empty;
    QPushButton *m_new;
    QPushButton *m_allocate;
    QCheckBox *m_keep;
    InteractiveForm *m_form;
    QScrollArea *m_formPage;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace ui
