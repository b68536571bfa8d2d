// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/terminal/InteractiveForm.h"

#include "app/connections/ClusterConnection.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/terminal/InteractivePresets.h"
#include "ui/widgets/Palette.h"
#include "ui/widgets/PresetBar.h"
#include "ui/widgets/ResourceFields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

InteractiveForm::InteractiveForm(QWidget *parent)
    : QWidget(parent)
    , m_presets(std::make_unique<app::InteractivePresets>())
    , m_presetBar(
          new PresetBar(tr("A name for this allocation on this cluster (one of the same name is replaced):"), this))
    , m_problem(new QLabel(this))
    , m_start(new QPushButton(QIcon::fromTheme(QStringLiteral("system-run")), tr("&Start"), this))
{
    setObjectName(QStringLiteral("interactiveForm"));
    auto *title = new QLabel(tr("Interactive allocation"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);
    auto *explanation = new QLabel(
        tr("Ask the scheduler for a compute node for a while, with a shell on it in a new terminal tab: to try "
           "code on a GPU, compile, or look at data. The tab shows while the request waits in the queue, then "
           "counts the time left; you are told 15 and 5 minutes before it ends. Closing the tab gives the node "
           "back."),
        this);
    explanation->setWordWrap(true);

    auto *fields = new QWidget(this);
    auto *form = new QFormLayout(fields);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields = new ResourceFields(form, fields);
    m_fields->setValues({{}, QStringLiteral("01:00:00"), 1, {}, {}, {}, {}});

    m_problem->setObjectName(QStringLiteral("allocationProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    palette::showAsProblem(m_problem);
    m_start->setObjectName(QStringLiteral("startAllocation"));
    m_start->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelAllocation"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_start);

    auto *column = new QWidget(this);
    column->setMaximumWidth(640);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(title);
    columnLayout->addWidget(explanation);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(m_presetBar);
    columnLayout->addWidget(fields);
    columnLayout->addLayout(buttons);
    columnLayout->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(column, 1);
    layout->addStretch(0);

    connect(m_fields, &ResourceFields::edited, this, &InteractiveForm::update);
    connect(m_presetBar, &PresetBar::message, this, &InteractiveForm::message);
    connect(m_presetBar, &PresetBar::chosen, this, [this](const QString &name) {
        if (!m_connection)
            return;
        if (const auto request = m_presets->find(m_connection->profile().id.toString(QUuid::WithoutBraces), name))
            setRequest(*request);
    });
    if (const auto loaded = m_presets->load(); !loaded)
        QTimer::singleShot(0, this, [this, why = loaded.error().message] { Q_EMIT message(why); });
    else if (!m_presets->notice().isEmpty())
        QTimer::singleShot(0, this, [this] { Q_EMIT message(m_presets->notice()); });
    connect(cancel, &QPushButton::clicked, this, &InteractiveForm::cancelled);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (m_fields->problem().isEmpty())
            Q_EMIT startRequested(request());
    });
    update();
}

InteractiveForm::~InteractiveForm() = default;

void InteractiveForm::setConnection(app::ClusterConnection *connection)
{
    if (connection == m_connection)
        return;
    m_connection = connection;
    m_fields->setResources({});
    if (!connection)
        m_presetBar->setStore({});
    else
        m_presetBar->setStore(
            presetStore<app::InteractiveRequest>(m_presets.get(),
                                                 connection->profile().id.toString(QUuid::WithoutBraces),
                                                 [this] { return request(); }));
    if (!connection || !connection->schedulerClient()->isReady())
        return;
    const QPointer<app::ClusterConnection> asked = connection;
    connection->schedulerClient()->resources(this, [this, asked](sshcore::Result<app::ClusterResources> resources) {
        if (resources && asked == m_connection)
            m_fields->setResources(*resources);
    });
}

app::InteractiveRequest InteractiveForm::request() const
{
    const ResourceFields::Values values = m_fields->values();
    app::InteractiveRequest request;
    request.partition = values.partition;
    request.timeLimit = values.timeLimit;
    request.cpus = values.cpus;
    request.memory = values.memory;
    request.gpus = values.gpus;
    request.account = values.account;
    request.qos = values.qos;
    return request;
}

void InteractiveForm::setRequest(const app::InteractiveRequest &request)
{
    m_fields->setValues({request.partition, request.timeLimit, request.cpus, request.memory, request.gpus,
                         request.account, request.qos});
}

void InteractiveForm::update()
{
    const QString problem = m_fields->problem();
    m_problem->setText(problem);
    m_start->setEnabled(problem.isEmpty());
}

} // namespace ui
