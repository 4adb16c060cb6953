"""English renderings for the JR/T securities and futures cloud security spec (editorial), keyed by the Chinese text."""

TITLES_EN = {
    '4': 'General security principles',
    '4.1': 'Security principles',
    '4.1.1': 'Security management responsibility',
    '4.1.2': 'Ownership of resources',
    '4.1.3': 'Jurisdiction',
    '4.1.4': 'Level of security management',
    '4.1.5': 'Prudent adoption of services',
    '4.2': 'Security process',
    '4.2.1': 'Planning and preparation',
    '4.2.2': 'Service acquisition',
    '4.2.3': 'Operation supervision',
    '4.2.4': 'Service exit',
    '4.3': 'Main roles',
    '4.3.1': 'Responsibilities of the assignee',
    '4.3.2': 'Responsibilities of the client',
    '5': 'Planning and preparation',
    '5.1': 'Identifying security requirements',
    '5.1.1': 'Determining the security policy',
    '5.1.2': 'Proposing the security level',
    '5.1.3': 'Setting security requirements',
    '5.2': 'Defining security objectives',
    '5.2.1': 'Determining the scope of application',
    '5.2.2': 'Proposing security objectives',
    '5.3': 'Establishing the security plan',
    '5.3.1': 'Drafting process',
    '5.3.2': 'Content requirements',
    '6': 'Service acquisition',
    '6.1': 'General requirements for service acquisition',
    '6.2': 'Private cloud service acquisition',
    '6.3': 'Community cloud service acquisition',
    '6.3.1': 'Hosting security requirements',
    '6.3.2': 'Service contract',
    '6.3.3': 'Service level agreement',
    '6.3.4': 'Confidentiality agreement',
    '6.4': 'Public cloud service acquisition',
    '6.4.1': 'Hosting security requirements',
    '6.4.2': 'Service contract',
    '6.4.3': 'Service level agreement',
    '6.4.4': 'Confidentiality agreement',
    '7': 'Operation supervision',
    '7.1': 'General requirements for operation supervision',
    '7.2': 'Private cloud operation supervision',
    '7.3': 'Community cloud operation supervision',
    '7.4': 'Public cloud operation supervision',
    '7.4.1': 'Content of operation supervision',
    '7.4.2': 'Actions of the client',
    '7.4.3': 'Actions of the assignee',
    '8': 'Service exit',
    '8.1': 'General requirements for service exit',
    '8.1.1': 'Exit process',
    '8.1.2': 'Data scope',
    '8.1.3': 'Establishing the data inventory',
    '8.2': 'Private cloud service exit',
    '8.2.1': 'Secure deletion of data',
    '8.2.2': 'Equipment migration and disposal',
    '8.3': 'Community cloud service exit',
    '8.3.1': 'Verifying data',
    '8.3.2': 'Secure deletion of data',
    '8.4': 'Public cloud service exit',
    '8.4.1': 'Verifying data',
    '8.4.2': 'Secure deletion of data',
}

EN = {
    '在证券期货业的云计算技术应用中，相关各方应在以下方面确立原则，指导应用过程：':
        'In applying cloud computing in the securities and futures industry, the parties shall establish principles in the following areas to guide the application:',
    '安全管理责任；':
        'Security management responsibility;',
    '资源的所有权；':
        'Ownership of resources;',
    '司法管辖关系；':
        'Jurisdiction;',
    '安全管理水平；':
        'Level of security management;',
    '审慎采用服务。':
        'Prudent adoption of services.',
    '委托方的信息安全管理责任不随服务外包而转移。无论委托方数据和业务是位于内部信息系统还是受托方的云计算平台上，委托方都是信息安全的最终责任人。':
        "The client's information security management responsibility does not transfer with outsourcing. Whether the client's data and business are in internal systems or on the assignee's cloud platform, the client is ultimately responsible for information security.",
    '委托方提供给受托方的数据、设备等资源，以及云计算平台上委托方业务系统运行过程中收集、产生、存储的数据和文档等都应属委托方所有，委托方对这些资源的访问、利用、支配等权限不受限制。':
        "Data, equipment and other resources the client provides to the assignee, and the data and documents collected, produced or stored while the client's business systems run on the cloud platform, all belong to the client, whose rights to access, use and dispose of these resources are unrestricted.",
    '委托方数据和业务的司法管辖权不因采用云服务而改变。受托方不得将委托方数据及相关信息提供或泄露给未经委托方许可的其他第三方，也不得私自访问、修改、使用委托方数据，明确符合中国法律和司法要求的情形除外。':
        "Jurisdiction over the client's data and business does not change with the use of cloud services. The assignee shall not provide or disclose the client's data or related information to third parties without the client's permission, nor access, modify or use the client's data on its own, except where Chinese law and judicial requirements clearly so provide.",
    '承载委托方数据和业务的云计算平台应符合JR/T 0060中相应安全等级的要求，为委托方提供云服务的受托方应符合JR/T 0133-2015。':
        "The cloud platform carrying the client's data and business shall meet the requirements of the corresponding security level of JR/T 0060, and the assignee providing cloud services to the client shall comply with JR/T 0133-2015.",
    '受托方应具备保障委托方数据和业务系统安全的能力，其安全能力应满足受托方要求，并通过委托方及第三方评估机构的安全评估。委托方应选择通过评估的受托方，并监督受托方切实履行安全责任，落实安全管理和防护措施。':
        "The assignee shall be able to protect the client's data and business systems, its security capability shall meet the assignee requirements, and it shall pass security assessments by the client and third-party assessors. The client shall select assessed assignees and supervise them in fulfilling their security responsibilities and implementing security management and protection measures.",
    '证券期货机构应用云计算技术的过程可分为四个阶段：':
        'The process by which securities and futures institutions apply cloud computing can be divided into four phases:',
    '规划准备；':
        'Planning and preparation;',
    '服务获取；':
        'Service acquisition;',
    '运行监督；':
        'Operation supervision;',
    '服务退出。':
        'Service exit.',
    '委托方应基于其系统规划原则，识别云技术应用的安全需求，分析采用云技术产生的风险，制订相应的应对措施，并在系统规划中确保这些风险应对措施被采用，形成安全方案。':
        'Based on its system planning principles, the client shall identify the security requirements of applying cloud technology, analyse the risks it brings, devise countermeasures, ensure in system planning that they are adopted, and form a security plan.',
    '委托方应根据安全需求和云服务的安全能力选择受托方，与受托方协商合同（或内部协议）、服务水平协议、保密要求等，明确各方享有的权利和应履行的网络安全义务，完成数据和业务向云计算平台的部署或迁移。':
        "The client shall select the assignee according to its security requirements and the security capability of the cloud service, negotiate the contract (or internal agreement), service level agreement and confidentiality requirements with it, define each party's rights and cybersecurity obligations, and complete the deployment or migration of data and business to the cloud platform.",
    '委托方应定期监督受托方履行合同（或内部协议）约定的责任义务，应督促其业务系统管理者、使用者遵守JR/T 0060、JR/T 0099-2012和JR/T 0133-2015，共同维护数据、业务及云计算环境的安全。':
        "The client shall regularly supervise the assignee's performance of the responsibilities agreed in the contract (or internal agreement), urge the managers and users of its business systems to comply with JR/T 0060, JR/T 0099-2012 and JR/T 0133-2015, and jointly maintain the security of data, business and the cloud environment.",
    '委托方应要求受托方履行合同（或内部协议）约定的责任义务，确保退出云服务阶段数据和业务安全，包括提供安全迁移返还委托方数据的能力、彻底清除云计算平台上的委托方数据。':
        "The client shall require the assignee to perform the responsibilities agreed in the contract (or internal agreement) and ensure data and business security at exit, including the ability to migrate and return the client's data securely and to erase the client's data from the cloud platform completely.",
    '需变更受托方时，委托方应按规划准备阶段和服务获取阶段的要求实施受托方选择，并关注云服务迁移过程的数据和业务安全，委托方应要求原受托方履行合同约定的责任义务。':
        'When changing assignee, the client shall select the new assignee according to the requirements of the planning and service acquisition phases, attend to data and business security during the migration, and require the original assignee to perform its contractual responsibilities.',
    '云服务安全管理的主要角色包括：':
        'The main roles in cloud service security management are:',
    '受托方；':
        'Assignee;',
    '委托方。':
        'Client.',
    '受托方承担如下责任：':
        'The assignee bears the following responsibilities:',
    '通过安全评估；':
        'Passing security assessment;',
    '持续满足委托方安全要求；':
        "Continuously meeting the client's security requirements;",
    '配合委托方的运行监督工作，对所提供的云服务进行监视；':
        "Cooperating with the client's operation supervision and monitoring the cloud services it provides;",
    '合同（或内部协议）关系结束时应满足委托方数据和业务的迁移需求，确保数据安全，数据和业务迁移后，彻底清除委托方各类数据。':
        "When the contract (or internal agreement) ends, meeting the client's needs for migrating data and business, keeping data secure, and after migration completely erasing all kinds of client data.",
    '委托方承担如下责任：':
        'The client bears the following responsibilities:',
    '部署或迁移到云计算平台上的数据和业务的最终安全责任；':
        'Ultimate security responsibility for the data and business deployed or migrated to the cloud platform;',
    '从已通过安全评估的受托方中选择适合的受托方；':
        'Selecting a suitable assignee from those that have passed security assessment;',
    '明确委托方与受托方需要满足的技术与安全要求；':
        'Defining the technical and security requirements the client and the assignee must meet;',
    '开展云服务的运行监督活动，根据相关规定开展信息安全检查，确定或认可受托方实施的安全控制措施。':
        'Carrying out operation supervision of the cloud service, conducting information security inspections under the relevant rules, and determining or approving the security controls the assignee implements.',
    '委托方应确定云计算技术应用的风险接受策略及具体安全要求。':
        'The client shall determine the risk acceptance policy and the specific security requirements for applying cloud computing.',
    '委托方确定安全策略时，应考虑数据、信息系统与云计算平台的安全。':
        'When determining the security policy, the client shall consider the security of data, information systems and the cloud platform.',
    '委托方应按照GB/T 22240-2020，初步确定拟应用云计算技术的信息系统的网络安全保护等级。':
        'The client shall preliminarily determine, per GB/T 22240-2020, the cybersecurity protection level of the information systems to which cloud computing will be applied.',
    '委托方应全面识别应用云计算技术所产生、采集、加工、使用或管理的数据，按照JR/T 0158-2018进行分类分级，并实施相应保护。':
        'The client shall fully identify the data generated, collected, processed, used or managed by applying cloud computing, classify and grade it per JR/T 0158-2018, and protect it accordingly.',
    '在规划准备阶段，委托方应制定明确的应用云计算技术的信息安全需求：':
        'In the planning phase, the client shall set clear information security requirements for applying cloud computing:',
    '信息安全需求应包括数据安全需求、信息系统安全需求与对云计算平台的安全需求；':
        'The information security requirements shall include data security requirements, information system security requirements and requirements on the cloud platform;',
    '信息安全需求应覆盖云计算技术的基础设施、网络通信、安全保卫、基础资源、应用系统、运维保障、审计、安全组织与人员、风险管理、供应链等方面内容。':
        'The information security requirements shall cover infrastructure, network communication, security protection, basic resources, application systems, O&M support, audit, security organisation and personnel, risk management, supply chain and other aspects of cloud computing.',
    '委托方应确定与其机构目标相关并影响云计算技术应用的外部 and 内部信息。':
        'The client shall determine the external and internal information relevant to its institutional objectives that affects the application of cloud computing.',
    '委托方应理解云计算技术相关方的需求和期望，确定与云计算技术有关的相关方以及这些相关方与信息安全有关的要求。':
        'The client shall understand the needs and expectations of interested parties in cloud computing, and determine the interested parties and their information-security-related requirements.',
    '委托方应确定云计算技术的应用范围边界和适用性，以明确其应用范围。':
        'The client shall determine the boundaries and applicability of the scope of cloud computing application, to define that scope.',
    '委托方应确定其所在机构执行的业务活动之间及与其他机构的业务活动之间的接口与依赖性。':
        'The client shall determine the interfaces and dependencies between the business activities of its institution and with those of other institutions.',
    '委托方应确定其所在机构云计算技术应用的信息安全目标。云计算技术应用的信息安全目标应满足以下几项基本要求：':
        "The client shall determine its institution's information security objectives for applying cloud computing, which shall meet the following basic requirements:",
    '符合本机构的业务目标；':
        "Be consistent with the institution's business objectives;",
    '符合本机构的信息安全目标；':
        "Be consistent with the institution's information security objectives;",
    '包含满足适用的安全要求的承诺；':
        'Include a commitment to meet applicable security requirements;',
    '包含云计算技术应用的持续改进的承诺；':
        'Include a commitment to continual improvement of the cloud application;',
    '满足证券期货行业信息技术相关监管规定。':
        "Meet the securities and futures industry's IT regulatory provisions.",
    '委托方应基于系统的信息安全保护等级和数据的分类分级，综合平衡应用云计算技术后的效益和风险，确定拟部署或迁移到云计算平台上的数据和系统。':
        "Based on the systems' protection levels and the data's classification, and balancing the benefits and risks of cloud computing, the client shall determine which data and systems are to be deployed or migrated to the cloud platform.",
    '委托方应根据云计算技术应用的信息安全目标，制定云计算安全方案。云计算安全方案应遵循机构建立的业务策略和安全策略。':
        'The client shall draw up a cloud security plan according to its information security objectives; the plan shall follow the business and security policies the institution has established.',
    '委托方应组织各相关方对云计算安全方案及相关配套文件的合理性和正确性进行论证和审定，委托方应保存云计算安全方案评审记录，详细记录相关人员的评审意见。云计算安全方案应经过委托方的信息技术管理者与信息安全管理者批准后实施。':
        "The client shall have the relevant parties review and approve the soundness and correctness of the cloud security plan and supporting documents, keep records of the review with the reviewers' opinions; the plan shall be implemented after approval by the client's IT manager and information security manager.",
    '云计算安全方案应提供符合策略的、覆盖整个机构的云计算安全构建和维护机制。':
        'The cloud security plan shall provide a policy-compliant, institution-wide mechanism for building and maintaining cloud security.',
    '云计算安全方案应明确一个详细的云计算安全过程和规程，应要求机构内不同业务职能角色进行合作，包括但不限于信息技术、审计、风险管理、负责法律法规符合性的各相关方。':
        'The cloud security plan shall define a detailed cloud security process and procedures and require cooperation between business functions in the institution, including but not limited to IT, audit, risk management and those responsible for legal and regulatory compliance.',
    '云计算安全方案的内容应包括但不限于以下几个方面内容：':
        'The cloud security plan shall cover at least the following:',
    '描述拟采用云服务的信息和业务；':
        'Description of the information and business to be moved to cloud services;',
    '基于拟部署或迁移到云计算平台上的数据和系统的安全保护等级，确定其云服务安全需求；':
        'The cloud service security requirements, based on the protection levels of the data and systems to be deployed or migrated;',
    '对云部署模式、云服务模式和数据存储位置的要求；':
        'Requirements on the deployment model, service model and data storage location;',
    '对业务连续性的要求，对灾备恢复能力、应急响应时间的要求；':
        'Business continuity requirements, including disaster recovery capability and emergency response times;',
    '对云平台故障的处置方案；':
        'Handling plan for cloud platform failures;',
    '对受托方需要提供的资源配置的要求；':
        'Requirements on the resource configuration the assignee must provide;',
    '根据云服务安全需求及采用的云服务模式，明确系统自身应采取的安全措施；':
        'The security measures the system itself must take, given the cloud security requirements and service model;',
    '分析系统在服务模式、扩展性、可用性及可移植性等方面的要求，结合云计算平台在这些方面能够提供的服务，确认适合系统的架构及设计；':
        "Analysis of the system's requirements on service model, scalability, availability and portability, matched with what the cloud platform can provide, to confirm a suitable architecture and design;",
    '系统运维、监控、审计对于云计算平台的要求；':
        'Requirements of system O&M, monitoring and audit on the cloud platform;',
    '退出云服务或变更受托方的初步方案；':
        'Preliminary plan for exiting the cloud service or changing assignee;',
    '对相关方人员进行安全意识、技术和管理培训的方案；':
        'Training plan on security awareness, technology and management for relevant staff;',
    '本单位负责采用云服务的领导、工作机构及其责任。':
        'The leaders, bodies and responsibilities of the institution in charge of adopting cloud services.',
    '委托方在获取云服务时，应当明确要使用的部署模式。':
        'When acquiring cloud services, the client shall specify the deployment model to be used.',
    '委托方选择云计算平台时，应要求云计算平台及其所有组成部分的网络安全保护等级不低于拟放置在云计算平台上的系统的网络安全保护等级。':
        'When selecting a cloud platform, the client shall require the protection level of the platform and all its components to be no lower than that of the systems to be placed on it.',
    '委托方选择受托方时，应确保受托方满足云计算安全方案的要求。':
        'When selecting an assignee, the client shall ensure it meets the cloud security plan.',
    '委托方选择受托方时，应考虑但不限于以下服务能力：':
        'When selecting an assignee, the client shall consider at least the following service capabilities:',
    '受托方提供的部署模式应满足要求；':
        'The deployment model the assignee provides shall meet the requirements;',
    '受托方提供的数据存储位置应满足要求；':
        'The data storage location the assignee provides shall meet the requirements;',
    '受托方应向委托方提供云服务相关技术接口和文档；':
        'The assignee shall provide the client with technical interfaces and documentation for the cloud service;',
    '云计算平台系统的连续性、灾备恢复能力和应急响应时间应满足要求；':
        "The cloud platform's continuity, disaster recovery capability and emergency response time shall meet the requirements;",
    '云计算平台的可扩展性、可用性、可移植性、互操作性，且其功能、容量、性能应满足要求；':
        "The cloud platform's scalability, availability, portability and interoperability, and its functions, capacity and performance, shall meet the requirements;",
    '资源的占用、带宽的租用、监管、迁移或退出服务、培训等费用的计费方式和标准应满足要求；':
        'The charging methods and rates for resources, bandwidth, supervision, migration or exit, training and the like shall meet the requirements;',
    '受托方提供多种可选的网络、安全、监控、审计等产品，并开放相关接口；':
        'The assignee offers a range of optional network, security, monitoring and audit products and opens the related interfaces;',
    '出现安全事件并造成损失时，依据合同的规定，受托方应能承担相关责任并进行赔偿。':
        'When a security incident causes losses, the assignee shall be able to bear the related liability and pay compensation under the contract.',
    '委托方的私有云服务获取过程，应根据私有云承载的业务系统的网络安全保护等级（已确定或初步确定的），按照JR/T 0060进行安全方案设计、产品采购和使用、软件开发、工程实施、测试验收等。':
        'In acquiring a private cloud, the client shall carry out security design, product procurement and use, software development, implementation and acceptance testing per JR/T 0060 according to the (determined or preliminary) protection level of the business systems it carries.',
    '委托方应全面识别在私有云上产生、采集、加工、使用或管理的数据，按照JR/T 0158-2018进行分类分级，并实施数据加密、备份等保护措施。':
        'The client shall fully identify the data generated, collected, processed, used or managed on the private cloud, classify and grade it per JR/T 0158-2018, and protect it with encryption, backup and similar measures.',
    '使用私有云时，委托方应确保其符合对应的网络安全等级保护要求。':
        'When using a private cloud, the client shall ensure it meets the corresponding classified protection requirements.',
    '委托方在行业云服务获取过程中应考虑以下方面安全要求：':
        'In acquiring community cloud services, the client shall consider security requirements in the following areas:',
    '托管安全；':
        'Hosting security;',
    '服务合同；':
        'Service contract;',
    '服务水平协议；':
        'Service level agreement;',
    '保密协议。':
        'Confidentiality agreement.',
    '委托方应选择设立在中华人民共和国境内的受托方。':
        "The client shall select an assignee established within the People's Republic of China.",
    '委托方应根据云计算应用的信息安全目标，每年评估受托方提供的云服务，并督促受托方进行相应整改，当受托方提供的云服务严重违反云服务安全要求时，应及时更换受托方。':
        "According to its information security objectives, the client shall assess the assignee's cloud services every year and urge it to remedy deficiencies; if the services seriously violate cloud security requirements, the client shall replace the assignee promptly.",
    '委托方应对部署在云计算平台上的数据和系统进行确认。':
        'The client shall confirm the data and systems deployed on the cloud platform.',
    '委托方应对受托方开展信息安全评估，受托方应提供其云服务平台通过相应级别的测评的证据，受托方云计算平台及其所有组成部分应符合JR/T 0060中的第三级或以上安全要求。':
        'The client shall carry out an information security assessment of the assignee; the assignee shall provide evidence that its platform has passed assessment at the corresponding level, and its cloud platform and all components shall meet level 3 or higher of JR/T 0060.',
    '受托方应设立信息安全管理职能部门，在开展托管业务两年内宜通过信息管理体系认证（如GB/T 22080或ISO/IEC 27001的最新版本）和IT服务管理体系认证（如GB/T 24405.1或ISO/IEC 20000-1的最新版本）。':
        'The assignee shall set up an information security management function and should, within two years of starting the hosting business, obtain information management system certification (e.g. the latest GB/T 22080 or ISO/IEC 27001) and IT service management certification (e.g. the latest GB/T 24405.1 or ISO/IEC 20000-1).',
    '委托方应与受托方签订合同，合同应确认委托方使用云服务的业务用途，合同应明确提出信息安全相关条款。':
        'The client shall sign a contract with the assignee that confirms the business purpose for which the client uses the cloud service and sets out information security clauses.',
    '委托方应确定受托方的职责。在合同中应明确受托方承担以下责任和义务：':
        "The client shall determine the assignee's duties; the contract shall state that the assignee bears the following responsibilities and obligations:",
    '承载委托方的数据和业务的云计算平台须满足委托方的信息安全管理要求；':
        "The cloud platform carrying the client's data and business shall meet the client's information security management requirements;",
    '委托方提供给受托方的数据、设备、系统等资源，以及云计算平台上委托方业务系统运行过程中收集、产生、存储的数据和文档等属于委托方所有，受托方应保证委托方对这些资源的访问、利用、支配等权利；':
        "Data, equipment, systems and other resources the client provides to the assignee, and the data and documents collected, produced or stored while the client's business systems run on the platform, belong to the client, and the assignee shall guarantee the client's rights to access, use and dispose of them;",
    '受托方应保证前述资源、系统、数据等项的安全；':
        'The assignee shall guarantee the security of these resources, systems and data;',
    '受托方不得将委托方数据及相关信息提供或泄漏给未经许可的其他第三方，明确符合中国法律和司法要求的情形除外；':
        "The assignee shall not provide or leak the client's data and related information to third parties without permission, except where Chinese law and judicial requirements clearly so provide;",
    '受托方应接受委托方相关监管部门对其的信息安全监管，应接受委托方相关监管部门的信息安全延伸检查。':
        "The assignee shall accept information security supervision, and extended inspections, by the client's regulators.",
    '合同应对特殊情况进行约定，包括：':
        'The contract shall provide for special situations, including:',
    '受托方需配合做好委托方数据和业务的迁移和退出；':
        "The assignee shall cooperate in migrating the client's data and business and in the client's exit;",
    '约定合同终止的条件及合同终止后受托方应履行的责任和义务；':
        'The conditions for terminating the contract and the responsibilities and obligations the assignee must fulfil after termination;',
    '当发生安全事件并造成损失时的责任划分和赔偿措施；':
        'The division of liability and compensation when a security incident causes losses;',
    '发生纠纷时，受托方应保持服务的安全水平不低于合同和服务水平协议中的约定。':
        'In a dispute, the assignee shall keep the security level of the service no lower than agreed in the contract and SLA.',
    '委托方应与受托方协商服务水平，并签订服务水平协议。服务水平协议应全面考虑云服务的整个生命周期中可能面临的安全风险，并进行约定。':
        'The client shall negotiate service levels with the assignee and sign a service level agreement, which shall consider and provide for the security risks across the whole life cycle of the cloud service.',
    '委托方与受托方签订的服务水平协议，应作为合同附件。':
        'The SLA signed by the client and the assignee shall be an annex to the contract.',
    '服务水平协议应包括但不限于如下内容：':
        'The SLA shall include at least the following:',
    '明确服务的范围、术语定义、服务类型、服务内容和形式，服务的可用性、连续性技术指标等；':
        'The scope, terms, service types, content and form of the service, and technical indicators of availability and continuity;',
    '明确受托方云计算系统宜遵从的技术和管理标准、相关制度和规定，并通过独立第三方的信息管理体系认证（如GB/T 22080或ISO/IEC 27001的最新版本）和IT服务管理体系认证（如GB/T 24405.1或ISO/IEC 20000-1的最新版本），以及通过不低于等级保护三级的测评认证；':
        "The technical and management standards, rules and regulations the assignee's cloud system should follow, its independent third-party information management system certification (e.g. the latest GB/T 22080 or ISO/IEC 27001) and IT service management certification (e.g. the latest GB/T 24405.1 or ISO/IEC 20000-1), and assessment at no lower than classified protection level 3;",
    '根据云计算平台拟承载的系统及业务，确定云服务的业务连续性要求；':
        'The business continuity requirements of the cloud service, according to the systems and business the platform will carry;',
    '若云服务发生信息安全事件或重大威胁时，应及时通知委托方，并积极配合委托方共同开展应急处置工作；':
        'If an information security incident or major threat affects the cloud service, the client shall be notified promptly and assisted actively in the emergency response;',
    '受托方应配合委托方参与证券期货业应急演练；':
        "The assignee shall cooperate with the client in the securities and futures industry's emergency drills;",
    '服务水平协议应考虑到服务变更或终止的情况：变更或终止服务时，变更或终止服务的发起方应提前通知对方，对方应做好相应准备。受托方应协助委托方收回所有数据，并保证系统中全部相关数据被安全删除，并不可恢复。':
        'The SLA shall consider changes to or termination of the service: the party initiating a change or termination shall notify the other in advance, which shall prepare accordingly. The assignee shall help the client recover all data and ensure all related data in the system is securely and irrecoverably deleted.',
    '委托方应与受托方签订保密协议。':
        'The client shall sign a confidentiality agreement with the assignee.',
    '保密协议应有明确的有效周期。':
        'The confidentiality agreement shall have a defined period of validity.',
    '委托方在公共云服务获取过程中应考虑以下方面安全要求：':
        'In acquiring public cloud services, the client shall consider security requirements in the following areas:',
    '委托方应每年按照已确定的云服务安全要求评估受托方提供的云服务，并督促受托方进行相应整改，当受托方提供的云服务严重违反云服务安全要求时，应及时更换受托方。':
        "The client shall assess the assignee's cloud services every year against the established cloud security requirements and urge it to remedy deficiencies; if the services seriously violate cloud security requirements, the client shall replace the assignee promptly.",
    '受托方应设立信息安全管理职能部门，在开展托管业务两年内宜通过信息安全管理体系统认证（如GB/T 22080或ISO/IEC 27001的最新版本）和IT服务管理体系认证（如GB/T 24405或ISO/IEC 20000的最新版本）。':
        'The assignee shall set up an information security management function and should, within two years of starting the hosting business, obtain information security management system certification (e.g. the latest GB/T 22080 or ISO/IEC 27001) and IT service management certification (e.g. the latest GB/T 24405 or ISO/IEC 20000).',
    '明确受托方云计算系统宜遵从的技术和管理标准、相关制度和规定，并通过独立第三方的信息安全管理体系认证（如 GB/T 22080 或 ISO/IEC 27001 的最新版本）和 IT 服务管理体系认证（如 GB/T 24405.1 或 ISO/IEC 20000 的最新版本），以及通过不低于等级保护三级的测评认证；':
        "The technical and management standards, rules and regulations the assignee's cloud system should follow, its independent third-party information security management system certification (e.g. the latest GB/T 22080 or ISO/IEC 27001) and IT service management certification (e.g. the latest GB/T 24405.1 or ISO/IEC 20000), and assessment at no lower than classified protection level 3;",
    '应云计算平台拟承载的系统及业务，确定云服务的业务连续性要求；':
        'The business continuity requirements of the cloud service, according to the systems and business the platform will carry;',
    '受托方应配合委托方参与证券期货业应急演练。':
        "The assignee shall cooperate with the client in the securities and futures industry's emergency drills.",
    '委托方应实施对受托方和自身的运行管理。受托方应保证安全能力持续符合要求，并积极配合委托方的监督管理。':
        "The client shall manage the operation of both the assignee and itself. The assignee shall keep its security capability compliant and cooperate actively with the client's supervision.",
    '在采用云服务时，委托方将部分控制和管理任务转移给受托方，但最终安全责任由委托方自身承担。委托方应加强对受托方的运行管理，同时应对自身的云服务使用、管理和技术措施进行有效管理。':
        'In using cloud services the client transfers some control and management tasks to the assignee, but the ultimate security responsibility stays with the client. The client shall strengthen its operational management of the assignee and manage its own use, management and technical measures of the cloud service effectively.',
    '私有云应符合JR/T 0060中的第二级或以上安全要求。':
        'A private cloud shall meet level 2 or higher of JR/T 0060.',
    '私有云不应承载高于其安全保护等级的业务应用系统。':
        'A private cloud shall not carry business application systems of a higher protection level than its own.',
    '私有云的运行应符合JR/T 0099-2012要求。':
        'The operation of a private cloud shall comply with JR/T 0099-2012.',
    '委托方应对行业云实施运行监督。':
        'The client shall supervise the operation of the community cloud.',
    '行业云应符合JR/T 0060中的第三级或以上安全要求。':
        'A community cloud shall meet level 3 or higher of JR/T 0060.',
    '行业云的运行应符合JR/T 0099-2012要求。受托方应依照委托方要求，向委托方提供其符合JR/T 0060及JR/T 0099-2012的必要证据。':
        'The operation of a community cloud shall comply with JR/T 0099-2012. The assignee shall provide the client, on request, with the necessary evidence of compliance with JR/T 0060 and JR/T 0099-2012.',
    '受托方应开展周期性的风险评估和监测，保证安全能力持续符合委托方的要求。':
        "The assignee shall carry out periodic risk assessment and monitoring to keep its security capability meeting the client's requirements.",
    '受托方未经委托方许可，不得将云服务再进行外包、转包、分包。':
        "The assignee shall not outsource, subcontract or sub-let the cloud service without the client's permission.",
    '受托方应及时响应证券期货行业监管部门或委托方的安全预警通知，按照其要求进行有效的处置。':
        'The assignee shall respond promptly to security alerts from the industry regulators or the client and handle them effectively as required.',
    '受托方应及时向委托方通知其发现的委托方安全风险。':
        'The assignee shall promptly notify the client of security risks to the client that it discovers.',
    '行业云应参与证券期货业信息安全联合应急演练。':
        "A community cloud shall take part in the securities and futures industry's joint information security emergency drills.",
    '委托方应对公共云实施运行监督。':
        'The client shall supervise the operation of the public cloud.',
    '公共云应符合JR/T 0060中的第三级或以上安全要求。':
        'A public cloud shall meet level 3 or higher of JR/T 0060.',
    '公共云的运行监督，应包含如下内容：':
        'Operation supervision of a public cloud shall cover:',
    '确保委托方在合同中规定的责任义务和相关政策规定能得到落实，技术标准能得到有效实施；':
        "Ensuring that the responsibilities and obligations in the client's contract and the relevant policies are implemented and technical standards effectively applied;",
    '确保委托方的服务水平、资源保障能达到合同要求；':
        "Ensuring that the client's service levels and resource guarantees meet the contract;",
    '确保委托方的数据安全和连续性能达到合同要求；':
        "Ensuring that the client's data security and continuity meet the contract;",
    '确保委托方能及时有效地响应处置突发事件；':
        'Ensuring that the client can respond to and handle emergencies promptly and effectively;',
    '确保委托方能根据业务发展需要或者信息安全事件进行信息安全保障工作的持续改进。':
        'Ensuring that the client can continually improve its information security assurance according to business development or security incidents.',
    '委托方在公共云运行管理活动中，应实施如下行为：监督受托方履行合同规定的各项责任和义务；':
        "In public cloud operation management the client shall: supervise the assignee's performance of all contractual responsibilities and obligations;",
    '对云服务运行风险进行识别、评估和风险提示；':
        'Identify and assess cloud service operational risks and give risk warnings;',
    '监督、评价云服务运行管理工作，定期对受托方进行安全检查，督促持续改善；':
        "Supervise and evaluate cloud service operation management, inspect the assignee's security regularly and urge continual improvement;",
    '对受托方的变更服务内容进行评估并控制；':
        "Assess and control changes to the assignee's service content;",
    '制定、实施云服务使用策略、制度与流程；':
        'Establish and implement cloud service usage policies, rules and processes;',
    '制定云服务应急管理方案，定期组织演练；':
        'Draw up a cloud service emergency management plan and hold regular drills;',
    '在云外保存其业务数据的备份；':
        'Keep backups of its business data outside the cloud;',
    '将云服务相关内容纳入信息安全教育培训体系；':
        'Include cloud services in its information security education and training;',
    '对云服务使用过程进行监控和分析；':
        'Monitor and analyse the use of cloud services;',
    '如受托方不能满足委托方的信息安全目标，委托方应选择退出服务或变更受托方。':
        "If the assignee cannot meet the client's information security objectives, the client shall exit the service or change assignee.",
    '受托方在公共云运行管理活动中，应实施如下行为：':
        'In public cloud operation management the assignee shall:',
    '履行合同规定的各项责任和义务；':
        'Perform all contractual responsibilities and obligations;',
    '通过网络安全等级保护测评；':
        'Pass the cybersecurity classified protection assessment;',
    '按合同要求配合委托方开展的各项安全检查，并按要求整改完善；':
        "Cooperate with the client's security inspections as the contract requires and remedy deficiencies;",
    '开展周期性的风险评估和监测，保证安全能力持续符合委托方的要求；':
        "Carry out periodic risk assessment and monitoring to keep its security capability meeting the client's requirements;",
    '按照合同要求或双方的约定，向委托方提供支持，配合委托方的监督管理；':
        'Support the client and cooperate with its supervision as the contract or mutual agreement requires;',
    '受托方未经委托方许可，不得将云服务再进行外包、转包、分包；':
        "Not outsource, subcontract or sub-let the cloud service without the client's permission;",
    '应及时响应证券期货行业监管部门或委托方的安全预警通知，按照其要求进行有效的处置；':
        'Respond promptly to security alerts from the industry regulators or the client and handle them effectively as required;',
    '及时向委托方通知其发现的委托方安全风险；':
        'Promptly notify the client of security risks to the client that it discovers;',
    '保持受托信息系统的信息安全保护等级和其他安全保护策略不变；':
        'Keep the protection level and other security policies of the hosted information systems unchanged;',
    '保持不同委托方之间的有效隔离；':
        'Keep different clients effectively isolated;',
    '确保满足云服务的业务连续性要求；':
        "Ensure the cloud service's business continuity requirements are met;",
    '对重大变更进行信息安全风险评估，并及时告知委托方；':
        'Assess the information security risks of major changes and inform the client promptly;',
    '出现突发事件及时向委托方报告事件及处置情况；':
        'Report emergencies and their handling to the client promptly;',
    '对雇员进行背景审查；':
        'Carry out background checks on employees;',
    '建立完善的内部控制机制，确保雇员和供应商遵守管理要求及流程，有效管理操作风险。':
        'Establish sound internal controls so that employees and suppliers follow management requirements and processes, managing operational risk effectively.',
    '服务退出的过程中，委托方对业务的以下要求应得到满足：':
        "During service exit, the client's following requirements on its business shall be met:",
    '可用性；':
        'Availability;',
    '可持续性；':
        'Sustainability;',
    '可移植性；':
        'Portability;',
    '可迁移性。':
        'Migratability.',
    '委托方退出云服务，或将数据和业务系统迁移至其他云计算平台时，应实施以下行为：':
        'When exiting the cloud service or migrating data and business systems to another cloud platform, the client shall:',
    '依据约定的退出条件以及退出时委托方、受托方的责任和义务，与受托方确定数据和业务系统迁移出云计算平台的接口与方案；':
        'According to the agreed exit conditions and the responsibilities and obligations of client and assignee at exit, agree with the assignee the interfaces and plan for migrating data and business systems out of the cloud platform;',
    '要求受托方完整返还委托方数据及相关文档；':
        "Require the assignee to return the client's data and related documents completely;",
    '完成退出后，及时取消受托方对委托方资源的物理及电子访问权限；':
        "After exit, promptly revoke the assignee's physical and electronic access to the client's resources;",
    '提醒受托方在委托方退出云服务后仍应承担的责任和义务；':
        "Remind the assignee of the responsibilities and obligations it still bears after the client's exit;",
    '确保受托方按要求彻底清除数据。':
        'Ensure the assignee erases the data completely as required.',
    '委托方如需变更受托方，应在完成新受托方规划、选择、迁移后，再退出原有服务。':
        'If the client needs to change assignee, it shall exit the original service only after planning, selecting and migrating to the new assignee.',
    '委托方应识别并明确从云计算平台迁移出的数据范围，包括但不限于：':
        'The client shall identify and define the scope of data to be migrated out of the cloud platform, including but not limited to:',
    '委托方移交给受托方的数据和资料；':
        'Data and materials the client handed to the assignee;',
    '委托方业务系统在云计算平台上运行期间产生、收集的数据及相关文档资料，如数据文件、程序代码、说明书、技术资料、运行日志；':
        "Data and related documentation produced or collected while the client's business systems ran on the platform, such as data files, program code, manuals, technical materials and operation logs;",
    '其他委托方应迁移出的数据。':
        'Other data of the client that should be migrated out.',
    '委托方应明确需迁移的数据的标识、描述、格式和介质，制定详细的移交数据清单，并评审及批准该数据清单的适用性和充分性。':
        'The client shall define the identification, description, format and media of the data to be migrated, draw up a detailed hand-over inventory, and review and approve its suitability and sufficiency.',
    '委托方应评审及批准数据清单的适用性和充分性。':
        'The client shall review and approve the suitability and sufficiency of the data inventory.',
    '数据清单的内容应包括但不限于：':
        'The data inventory shall contain at least:',
    '数据文件。数据文件应标明：文件名称、数据文件内容的描述、存储格式、文件大小、类型（敏感或公开）等。应要求受托方提供解密方法和密钥，实现加密文件的移交；提供技术资料或转换工具，实现非通用格式文件的提交；':
        'Data files. Each data file shall state its file name, a description of its content, storage format, file size and type (sensitive or public). Require the assignee to provide decryption methods and keys so that encrypted files can be handed over, and technical documentation or conversion tools so that files in non-generic formats can be submitted;',
    '程序代码。针对委托方定制的功能或业务系统，在合同或其他协议中明确是否移交可执行程序、源代码及技术资料，可能涉及的内容包括：可执行程序、源代码、功能描述、设计文档、开发及运行环境描述、维护手册、用户使用手册等（受托方云计算平台、服务等基础设施资源等自身使用代码除外)；':
        'Program code. For functions or business systems customised for the client, state in the contract or other agreements whether executables, source code and technical documentation are handed over; this may cover executables, source code, functional descriptions, design documents, descriptions of development and runtime environments, maintenance manuals and user manuals (excluding code the assignee uses itself for its cloud platform, services and other infrastructure);',
    '其他数据。根据事先的约定和双方协商，确定应移交的其他数据，包括委托方业务运行期间收集、统计的相关数据，如云服务的委托方行为习惯统计、网络流量统计等；':
        "Other data. According to prior agreement and negotiation, determine other data to be handed over, including data collected and compiled while the client's business ran, such as statistics on client behaviour and network traffic of the cloud service;",
    '文档资料。委托方使用云服务过程中提供给受托方的各种文档资料，及双方共同完成的涉及委托方的相关资料。':
        'Documents. All documentation the client gave the assignee while using the cloud service, and material concerning the client that both parties produced together.',
    '退出私有云服务时，应根据数据等级制定信息资产的转移、暂存、清除的方法和过程。':
        "When exiting a private cloud service, methods and processes for transferring, temporarily storing and erasing information assets shall be set according to the data's grade.",
    '应记录信息转移、暂存和清除的过程，包括参与的人员、转移、暂存和清除的方式以及目前信息所处的位置等。':
        'The transfer, temporary storage and erasure of information shall be recorded, including the people involved, the methods used and where the information currently is.',
    '应根据要终止的云计算平台，识别要被迁移或废弃的硬件设备、所处的位置以及当前状态等，列出需迁移、废弃的设备的清单。':
        'According to the cloud platform to be terminated, the hardware to be migrated or discarded, its location and current state shall be identified and listed.',
    '应根据规定和实际情况制定设备处理方案，包括重用设备、废弃设备、敏感信息的清除方法等。':
        'A disposal plan for equipment shall be drawn up according to the rules and the actual situation, including reuse, discarding and methods for erasing sensitive information.',
    '应根据设备处理方案对设备进行处理，记录设备处理过程，包括参与的人员、处理的方式、是否有残余信息的检查结果等。':
        'Equipment shall be processed according to the disposal plan and the processing recorded, including the people involved, the method and the results of checks for residual information.',
    '委托方应监督迁移数据的过程，并采取以下措施对迁移数据实施验证：':
        'The client shall supervise the migration of data and verify the migrated data by:',
    '对加密数据进行解密并验证；':
        'Decrypting and verifying encrypted data;',
    '利用工具恢复专有格式数据并验证；':
        'Restoring and verifying data in proprietary formats with tools;',
    '通过业务系统验证数据的有效性和完整性。':
        'Verifying the validity and integrity of data through the business system.',
    '委托方退出云服务后，应要求受托方安全处理委托方数据，承担相关责任和义务。委托方应要求受托方至少采取以下措施安全处置存放委托方数据的存储介质：':
        "After exiting the cloud service, the client shall require the assignee to handle the client's data securely and bear the related responsibilities and obligations. The client shall require the assignee to take at least the following measures to dispose securely of storage media that held the client's data:",
    '进行介质清理，确保原信息不可被恢复，介质清理应在重用前完成；':
        'Sanitise media so that the original information cannot be recovered; sanitisation shall be completed before reuse;',
    '不可清理的介质应物理销毁；':
        'Media that cannot be sanitised shall be physically destroyed;',
    '存放敏感信息的介质清理后不能用于存放公开信息；':
        'Media that stored sensitive information shall not be used to store public information after sanitisation;',
    '记录介质清理过程，并对过程进行监督。':
        'Record the media sanitisation process and supervise it.',
    '注：相关方的要求可能包括法律法规要求和合同义务。':
        'Note: requirements of interested parties may include legal and regulatory requirements and contractual obligations.',
}
