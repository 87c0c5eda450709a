// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title UnlearningLedger
/// @notice Tamper-evident history of Lethe's machine unlearning: models and their versions, data
/// contributions, verifier trigger commitments, deletion requests (singly or in Merkle batches),
/// the unlearnings that execute them and the verifications that certify or refute them.
/// @dev Only hashes, roots, counts and figures are stored, never samples, labels or keys. Every
/// state change emits an event; every broken invariant reverts with a custom error naming the values.
contract UnlearningLedger is AccessControl {
    /// @notice Role of the model provider: registers models, records versions, contributions,
    /// deletion requests and unlearnings.
    bytes32 public constant PROVIDER_ROLE = keccak256("PROVIDER_ROLE");
    /// @notice Role of the independent verifier: commits triggers and records verifications.
    bytes32 public constant VERIFIER_ROLE = keccak256("VERIFIER_ROLE");
    /// @notice Seconds a deletion request's time may lie ahead of the block time (clock skew).
    uint64 public constant MAX_CLOCK_SKEW = 300;
    /// @notice Fixed-point scale of the verification figures (1.0 = 1e18).
    uint64 public constant WAD = 1e18;
    /// @notice Prefix of a batch leaf, so that no leaf (33-byte preimage) equals an inner node (64 bytes).
    bytes1 public constant BATCH_LEAF_PREFIX = 0x00;

    enum Strategy {
        SISA,
        RETRAIN,
        FINETUNE,
        GRADIENT_ASCENT,
        NONE
    }

    enum Verdict {
        CERTIFIED,
        NOT_DELETED,
        INCONCLUSIVE
    }

    /// @notice How one layer of a verification's evidence came out.
    enum Layer {
        NOT_CHECKED,
        PASSED,
        FAILED,
        UNDECIDED
    }

    struct Model {
        address provider;
        uint64 registeredAt;
        uint32 versionCount;
        bytes32 latestVersion;
    }

    struct Checkpoint {
        bytes32 modelId;
        bytes32 weightsHash;
        bytes32 trainingSetRoot;
        bytes32 transcriptRoot;
        bytes32 parentVersion;
        uint64 recordedAt;
    }

    struct Contribution {
        bytes32 subjectIdHash;
        uint32 sampleCount;
        uint64 recordedAt;
    }

    struct TriggerCommitment {
        bytes32 commitment;
        uint32 rotation;
        uint64 committedAt;
    }

    /// @dev Two slots keep a request under 80k gas; its contribution root lives in the event.
    struct DeletionRequest {
        bytes32 subjectIdHash;
        uint64 requestedAt;
        uint64 anchoredAt;
    }

    struct DeletionBatch {
        uint32 count;
        uint64 anchoredAt;
    }

    struct Unlearning {
        bytes32 newVersion;
        Strategy strategy;
        uint64 recordedAt;
    }

    /// @notice What the verifier measured; rates and α, β in WAD, the MIA statistic signed WAD; and how each layer
    /// of evidence came out: data (absence proofs), computation (replay), serving (sentinels, repeated and replayed
    /// answers), statistics (backdoor test, membership inference).
    /// @dev The layers sit beside the verdict so that the figures still fill three storage slots.
    struct VerificationFigures {
        Verdict verdict;
        Layer dataLayer;
        Layer computationLayer;
        Layer servingLayer;
        Layer statisticsLayer;
        uint32 probes;
        uint32 targetHits;
        uint64 alphaWad;
        uint64 betaWad;
        uint64 backdoorSuccessRateWad;
        int128 miaStatisticWad;
        bytes32 certificateHash;
    }

    struct Verification {
        VerificationFigures figures;
        bytes32 batchRoot;
        uint64 verifiedAt;
    }

    mapping(bytes32 modelId => Model) public models;
    mapping(bytes32 versionHash => Checkpoint) public checkpoints;
    mapping(bytes32 contributionRoot => Contribution) public contributions;
    mapping(bytes32 subjectIdHash => TriggerCommitment) public triggerCommitments;
    mapping(bytes32 requestId => DeletionRequest) public deletionRequests;
    mapping(bytes32 batchRoot => DeletionBatch) public deletionBatches;
    mapping(bytes32 requestIdOrBatchRoot => Unlearning) public unlearnings;
    mapping(bytes32 requestId => Verification) private verifications;

    event ModelRegistered(bytes32 indexed modelId, address indexed provider);
    event CheckpointRecorded(
        bytes32 indexed modelId,
        bytes32 indexed versionHash,
        bytes32 weightsHash,
        bytes32 trainingSetRoot,
        bytes32 transcriptRoot,
        bytes32 parentVersion
    );
    event ContributionRecorded(bytes32 indexed subjectIdHash, bytes32 indexed contributionRoot, uint32 sampleCount);
    event TriggerCommitted(bytes32 indexed subjectIdHash, bytes32 commitment, uint32 rotation);
    event DeletionRequested(
        bytes32 indexed requestId, bytes32 indexed subjectIdHash, bytes32 contributionRoot, uint64 requestedAt
    );
    event DeletionBatchAnchored(bytes32 indexed batchRoot, uint32 count);
    event UnlearningRecorded(
        bytes32 indexed target, bytes32 indexed modelId, bytes32 indexed newVersion, Strategy strategy
    );
    event VerificationRecorded(
        bytes32 indexed requestId, bytes32 indexed batchRoot, VerificationFigures figures
    );

    error ZeroValue(string field);
    error ModelAlreadyRegistered(bytes32 modelId);
    error UnknownModel(bytes32 modelId);
    error NotModelProvider(bytes32 modelId, address caller);
    error VersionAlreadyRecorded(bytes32 versionHash);
    error ParentVersionRequired(bytes32 modelId, bytes32 latestVersion);
    error UnknownParentVersion(bytes32 modelId, bytes32 parentVersion);
    error ContributionAlreadyRecorded(bytes32 contributionRoot);
    error EmptyContribution(bytes32 contributionRoot);
    error TriggerAlreadyCommitted(bytes32 subjectIdHash, bytes32 commitment);
    error NoTriggerCommitted(bytes32 subjectIdHash);
    error SameTriggerCommitment(bytes32 subjectIdHash, bytes32 commitment);
    error DeletionAlreadyRequested(bytes32 requestId);
    error RequestedInFuture(bytes32 requestId, uint64 requestedAt, uint64 blockTime);
    error BatchAlreadyAnchored(bytes32 batchRoot);
    error EmptyBatch(bytes32 batchRoot);
    error UnknownDeletion(bytes32 target);
    error DeletionAlreadyExecuted(bytes32 target, bytes32 newVersion);
    error UnknownVersion(bytes32 modelId, bytes32 versionHash);
    error NotInBatch(bytes32 requestId, bytes32 batchRoot);
    error DeletionNotExecuted(bytes32 requestId, bytes32 executionTarget);
    error InvalidFigures(uint32 probes, uint32 targetHits);
    error RateAboveOne(string field, uint64 valueWad);
    error AlreadyVerified(bytes32 requestId, Verdict verdict);
    /// @notice The verdict cannot follow from the layers: CERTIFIED needs statistics PASSED and no layer FAILED or
    /// UNDECIDED; NOT_DELETED needs data, computation or statistics FAILED; INCONCLUSIVE none of them FAILED.
    error LayersContradictVerdict(Verdict verdict, Layer data, Layer computation, Layer serving, Layer statistics);

    /// @param admin account that holds DEFAULT_ADMIN_ROLE and grants the other roles
    constructor(address admin) {
        if (admin == address(0)) revert ZeroValue("admin");
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Registers a model under the calling provider.
    /// @param modelId the model's identifier (hash of its name and architecture)
    function registerModel(bytes32 modelId) external onlyRole(PROVIDER_ROLE) {
        if (modelId == bytes32(0)) revert ZeroValue("modelId");
        if (models[modelId].registeredAt != 0) revert ModelAlreadyRegistered(modelId);
        models[modelId] = Model(msg.sender, uint64(block.timestamp), 0, bytes32(0));
        emit ModelRegistered(modelId, msg.sender);
    }

    /// @notice Records a published model version. The first version has no parent; every later one
    /// names a recorded version of the same model as its parent.
    /// @param modelId the registered model
    /// @param versionHash the version's identity (unique across all models)
    /// @param weightsHash hash of the shard parameter files, in order
    /// @param trainingSetRoot Merkle root of the training set's sample hashes
    /// @param transcriptRoot root of the training transcript (configuration, each slice's samples in order, each
    /// slice checkpoint's hash), against which a verifier replays an unlearning bit for bit
    /// @param parentVersion the version this one derives from, or zero for the first
    function recordCheckpoint(
        bytes32 modelId,
        bytes32 versionHash,
        bytes32 weightsHash,
        bytes32 trainingSetRoot,
        bytes32 transcriptRoot,
        bytes32 parentVersion
    ) external onlyRole(PROVIDER_ROLE) {
        Model storage model = _ownModel(modelId);
        if (versionHash == bytes32(0)) revert ZeroValue("versionHash");
        if (weightsHash == bytes32(0)) revert ZeroValue("weightsHash");
        if (trainingSetRoot == bytes32(0)) revert ZeroValue("trainingSetRoot");
        if (transcriptRoot == bytes32(0)) revert ZeroValue("transcriptRoot");
        if (checkpoints[versionHash].recordedAt != 0) revert VersionAlreadyRecorded(versionHash);
        if (parentVersion == bytes32(0)) {
            if (model.versionCount != 0) revert ParentVersionRequired(modelId, model.latestVersion);
        } else if (checkpoints[parentVersion].modelId != modelId) {
            revert UnknownParentVersion(modelId, parentVersion);
        }
        checkpoints[versionHash] =
            Checkpoint(modelId, weightsHash, trainingSetRoot, transcriptRoot, parentVersion, uint64(block.timestamp));
        model.versionCount += 1;
        model.latestVersion = versionHash;
        emit CheckpointRecorded(modelId, versionHash, weightsHash, trainingSetRoot, transcriptRoot, parentVersion);
    }

    /// @notice Records a subject's contribution of training samples.
    /// @param contributionRoot Merkle root of the contribution's sample hashes
    /// @param subjectIdHash the contributing subject's id (SHA-256 of their public key)
    /// @param sampleCount number of samples in the contribution
    function recordContribution(bytes32 contributionRoot, bytes32 subjectIdHash, uint32 sampleCount)
        external
        onlyRole(PROVIDER_ROLE)
    {
        if (contributionRoot == bytes32(0)) revert ZeroValue("contributionRoot");
        if (subjectIdHash == bytes32(0)) revert ZeroValue("subjectIdHash");
        if (sampleCount == 0) revert EmptyContribution(contributionRoot);
        if (contributions[contributionRoot].recordedAt != 0) revert ContributionAlreadyRecorded(contributionRoot);
        contributions[contributionRoot] = Contribution(subjectIdHash, sampleCount, uint64(block.timestamp));
        emit ContributionRecorded(subjectIdHash, contributionRoot, sampleCount);
    }

    /// @notice Commits the verifier to a subject's secret trigger before any training. Once per
    /// subject: a new trigger needs an explicit {rotateTrigger}.
    /// @param subjectIdHash the subject
    /// @param commitment H(trigger spec ‖ salt)
    function commitTrigger(bytes32 subjectIdHash, bytes32 commitment) external onlyRole(VERIFIER_ROLE) {
        if (subjectIdHash == bytes32(0)) revert ZeroValue("subjectIdHash");
        if (commitment == bytes32(0)) revert ZeroValue("commitment");
        TriggerCommitment storage existing = triggerCommitments[subjectIdHash];
        if (existing.committedAt != 0) revert TriggerAlreadyCommitted(subjectIdHash, existing.commitment);
        triggerCommitments[subjectIdHash] = TriggerCommitment(commitment, 0, uint64(block.timestamp));
        emit TriggerCommitted(subjectIdHash, commitment, 0);
    }

    /// @notice Replaces a subject's committed trigger; the rotation counter makes every change visible.
    /// @param subjectIdHash the subject, who must already have a commitment
    /// @param commitment the new H(trigger spec ‖ salt)
    function rotateTrigger(bytes32 subjectIdHash, bytes32 commitment) external onlyRole(VERIFIER_ROLE) {
        if (commitment == bytes32(0)) revert ZeroValue("commitment");
        TriggerCommitment storage existing = triggerCommitments[subjectIdHash];
        if (existing.committedAt == 0) revert NoTriggerCommitted(subjectIdHash);
        if (existing.commitment == commitment) revert SameTriggerCommitment(subjectIdHash, commitment);
        uint32 rotation = existing.rotation + 1;
        triggerCommitments[subjectIdHash] = TriggerCommitment(commitment, rotation, uint64(block.timestamp));
        emit TriggerCommitted(subjectIdHash, commitment, rotation);
    }

    /// @notice Anchors one deletion request by its hashes.
    /// @param requestId hash of the subject's signed request
    /// @param subjectIdHash the requesting subject
    /// @param contributionRoot root of the contributions to delete (read back from the event)
    /// @param requestedAt the request's time, seconds since the epoch
    function requestDeletion(bytes32 requestId, bytes32 subjectIdHash, bytes32 contributionRoot, uint64 requestedAt)
        external
        onlyRole(PROVIDER_ROLE)
    {
        if (requestId == bytes32(0)) revert ZeroValue("requestId");
        if (subjectIdHash == bytes32(0)) revert ZeroValue("subjectIdHash");
        if (contributionRoot == bytes32(0)) revert ZeroValue("contributionRoot");
        if (requestedAt > block.timestamp + MAX_CLOCK_SKEW) {
            revert RequestedInFuture(requestId, requestedAt, uint64(block.timestamp));
        }
        DeletionRequest storage request = deletionRequests[requestId];
        if (request.anchoredAt != 0) revert DeletionAlreadyRequested(requestId);
        request.subjectIdHash = subjectIdHash;
        request.requestedAt = requestedAt;
        request.anchoredAt = uint64(block.timestamp);
        emit DeletionRequested(requestId, subjectIdHash, contributionRoot, requestedAt);
    }

    /// @notice Anchors a batch of deletion requests as one Merkle root; each request keeps an
    /// inclusion proof of the leaf {batchLeaf}(requestId).
    /// @param batchRoot root of the batch's leaves
    /// @param count number of requests in the batch
    function anchorDeletionBatch(bytes32 batchRoot, uint32 count) external onlyRole(PROVIDER_ROLE) {
        if (batchRoot == bytes32(0)) revert ZeroValue("batchRoot");
        if (count == 0) revert EmptyBatch(batchRoot);
        if (deletionBatches[batchRoot].anchoredAt != 0) revert BatchAlreadyAnchored(batchRoot);
        deletionBatches[batchRoot] = DeletionBatch(count, uint64(block.timestamp));
        emit DeletionBatchAnchored(batchRoot, count);
    }

    /// @notice Records that a deletion request (or a whole batch) was executed by a new model version.
    /// @param target a recorded request id or batch root
    /// @param modelId the model that unlearned
    /// @param newVersion the recorded version without the deleted data
    /// @param strategy how the model unlearned
    function recordUnlearning(bytes32 target, bytes32 modelId, bytes32 newVersion, Strategy strategy)
        external
        onlyRole(PROVIDER_ROLE)
    {
        if (deletionRequests[target].anchoredAt == 0 && deletionBatches[target].anchoredAt == 0) {
            revert UnknownDeletion(target);
        }
        Unlearning storage existing = unlearnings[target];
        if (existing.recordedAt != 0) revert DeletionAlreadyExecuted(target, existing.newVersion);
        _ownModel(modelId);
        if (checkpoints[newVersion].modelId != modelId || newVersion == bytes32(0)) {
            revert UnknownVersion(modelId, newVersion);
        }
        unlearnings[target] = Unlearning(newVersion, strategy, uint64(block.timestamp));
        emit UnlearningRecorded(target, modelId, newVersion, strategy);
    }

    /// @notice Records the verifier's verdict on an executed deletion request.
    /// @param requestId the request verified
    /// @param batchRoot zero for a singly anchored request, else the batch that holds it
    /// @param proof inclusion proof of {batchLeaf}(requestId) in the batch (empty when batchRoot is zero)
    /// @param figures the test's figures and the signed certificate's hash (CERTIFIED needs probes > 0)
    function recordVerification(
        bytes32 requestId,
        bytes32 batchRoot,
        bytes32[] calldata proof,
        VerificationFigures calldata figures
    ) external onlyRole(VERIFIER_ROLE) {
        bytes32 target = requestId;
        if (batchRoot != bytes32(0)) {
            if (!verifyBatchInclusion(batchRoot, requestId, proof)) revert NotInBatch(requestId, batchRoot);
            target = batchRoot;
        } else if (deletionRequests[requestId].anchoredAt == 0) {
            revert UnknownDeletion(requestId);
        }
        if (unlearnings[target].recordedAt == 0) revert DeletionNotExecuted(requestId, target);
        // a certificate of deletion rests on a backdoor test; an inconclusive or failed one may not have run
        if ((figures.verdict == Verdict.CERTIFIED && figures.probes == 0) || figures.targetHits > figures.probes) {
            revert InvalidFigures(figures.probes, figures.targetHits);
        }
        if (figures.alphaWad > WAD) revert RateAboveOne("alpha", figures.alphaWad);
        if (figures.betaWad > WAD) revert RateAboveOne("beta", figures.betaWad);
        if (figures.backdoorSuccessRateWad > WAD) {
            revert RateAboveOne("backdoorSuccessRate", figures.backdoorSuccessRateWad);
        }
        if (figures.certificateHash == bytes32(0)) revert ZeroValue("certificateHash");
        if (!_layersAllow(figures)) {
            revert LayersContradictVerdict(figures.verdict, figures.dataLayer, figures.computationLayer,
                figures.servingLayer, figures.statisticsLayer);
        }
        Verification storage existing = verifications[requestId];
        if (existing.verifiedAt != 0 && existing.figures.verdict != Verdict.INCONCLUSIVE) {
            revert AlreadyVerified(requestId, existing.figures.verdict);
        }
        verifications[requestId] = Verification(figures, batchRoot, uint64(block.timestamp));
        emit VerificationRecorded(requestId, batchRoot, figures);
    }

    /// @notice The leaf a request occupies in a deletion batch.
    function batchLeaf(bytes32 requestId) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(BATCH_LEAF_PREFIX, requestId));
    }

    /// @notice True when the batch is anchored and the proof shows the request in it.
    function verifyBatchInclusion(bytes32 batchRoot, bytes32 requestId, bytes32[] calldata proof)
        public
        view
        returns (bool)
    {
        return deletionBatches[batchRoot].anchoredAt != 0
            && MerkleProof.verifyCalldata(proof, batchRoot, batchLeaf(requestId));
    }

    /// @notice The full verification record of a request (the public getter flattens the nested struct).
    function getVerification(bytes32 requestId) external view returns (Verification memory) {
        return verifications[requestId];
    }

    /// @dev A verdict that no evidence could give is refused: the record must be a decision that could have happened.
    function _layersAllow(VerificationFigures calldata f) private pure returns (bool) {
        bool refuted = f.dataLayer == Layer.FAILED || f.computationLayer == Layer.FAILED
            || f.statisticsLayer == Layer.FAILED;
        if (f.verdict == Verdict.CERTIFIED) {
            return f.statisticsLayer == Layer.PASSED && !refuted && f.servingLayer != Layer.FAILED
                && f.dataLayer != Layer.UNDECIDED && f.computationLayer != Layer.UNDECIDED
                && f.servingLayer != Layer.UNDECIDED;
        }
        return f.verdict == Verdict.NOT_DELETED ? refuted : !refuted;
    }

    function _ownModel(bytes32 modelId) private view returns (Model storage model) {
        model = models[modelId];
        if (model.registeredAt == 0) revert UnknownModel(modelId);
        if (model.provider != msg.sender) revert NotModelProvider(modelId, msg.sender);
    }
}
