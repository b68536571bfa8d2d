// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace app {

class JupyterManager;
class JupyterSession;
struct JupyterSettings;

// A cluster's Jupyter servers as a table for the Jupyter area: what each runs on, its job, its
// state in words, and the time left (counted down each second while it runs).
class JupyterSessionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ServerColumn, JobColumn, StateColumn, TimeLeftColumn, ColumnCount };
    enum Role { SessionRole = Qt::UserRole + 1 /* JupyterSession*, as QObject* */, StateRole /* int(State) */ };

    explicit JupyterSessionModel(QObject *parent = nullptr);

    void setManager(JupyterManager *manager);
    JupyterSession *session(int row) const;
    int rowOf(const JupyterSession *session) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Notebook · gpu · 4 CPUs · 16G · GPUs 1 · 02:00:00"
    static QString describe(const JupyterSettings &settings);
    // "1:23:45", or empty when not known or not running.
    static QString timeLeft(const JupyterSession &session);

private:
    void add(JupyterSession *session);
    void remove(JupyterSession *session);

    QPointer<JupyterManager> m_manager;
    QList<QPointer<JupyterSession>> m_sessions;
    QTimer m_clock;
};

} // namespace app
