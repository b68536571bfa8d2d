// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/InteractiveRequest.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace app {
class ClusterConnection;
class InteractivePresets;
} // namespace app

namespace ui {

class PresetBar;
class ResourceFields;

// The interactive allocation form: the resources of a job (partition with its limits, time, CPUs,
// memory, GPUs, account, QoS), named presets kept per cluster, and Start, which asks the scheduler
// for an allocation with a shell on it (salloc, qsub -I, bsub -Is, qrsh), in a terminal tab.
class InteractiveForm : public QWidget
{
    Q_OBJECT

public:
    explicit InteractiveForm(QWidget *parent = nullptr);
    ~InteractiveForm() override;

    // Loads the cluster's partitions and accounts into the pickers, and its presets.
    void setConnection(app::ClusterConnection *connection);
    app::InteractiveRequest request() const;
    void setRequest(const app::InteractiveRequest &request);
    ResourceFields *fields() const { return m_fields; }

Q_SIGNALS:
    void startRequested(const app::InteractiveRequest &request);
    void cancelled();
    void message(const QString &text);

private:
    void update();

    QPointer<app::ClusterConnection> m_connection;
    std::unique_ptr<app::InteractivePresets> m_presets;
    PresetBar *m_presetBar;
    ResourceFields *m_fields;
    QLabel *m_problem;
    QPushButton *m_start;
};

} // namespace ui
